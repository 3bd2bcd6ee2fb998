import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * How the window's code is cut into files. Every page is its own chunk, loaded when first shown
 * (renderer/components/lazyPage.tsx). The libraries the first screen needs make one file, those only
 * the other pages need another, so that a page brings two or three files rather than a score of
 * small ones; the statistics pages' charts (recharts under @mantine/charts, and what only they
 * bring) are in neither and load with those pages alone.
 */
export const RENDERER_CHUNKS = {
  groups: [
    { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial' as const], priority: 2 },
    {
      name: 'vendor-pages',
      test: /node_modules[\\/](?!(@mantine[\\/]charts|recharts|victory-vendor|d3-[\w-]+|@reduxjs|redux|react-redux|reselect|immer|es-toolkit|decimal\.js-light|eventemitter3|redux-thunk|react-is|use-sync-external-store|tiny-invariant)[\\/])/,
      priority: 1,
    },
  ],
};

/** The renderer bundle, used by browser mode, the e2e tests and (through electron-vite) the desktop app. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    // The libraries loaded at start are the largest file (about 750 kB): past 1 MB, something big got in.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: { output: { codeSplitting: RENDERER_CHUNKS } },
  },
});
