import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer bundle, used by browser mode, the e2e tests and (through electron-vite) the desktop app. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
