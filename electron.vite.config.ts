import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { resolve } from 'node:path';
import { RENDERER_CHUNKS } from './vite.config';

/**
 * Desktop bundles: out/main (lifecycle, the ledger service's utility process, and the worker threads beside it: the to-do rebuild,
 * the background check of a large file and the day's first backup),
 * out/preload (invoke only), out/renderer (the React app).
 */
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          main: resolve('electron/main.ts'),
          'host-process': resolve('electron/host-process.ts'),
          'obligations-worker': resolve('db/jobs/obligations-worker.ts'),
          'integrity-worker': resolve('db/jobs/integrity-worker.ts'),
          'backup-worker': resolve('db/jobs/backup-worker.ts'),
          'audit-worker': resolve('db/jobs/audit-worker.ts'),
          'package-worker': resolve('db/jobs/package-worker.ts'),
          'import-worker': resolve('db/jobs/import-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: resolve('electron/preload.ts'), output: { format: 'cjs', entryFileNames: 'index.cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rolldownOptions: { input: resolve('renderer/index.html'), output: { codeSplitting: RENDERER_CHUNKS } },
    },
  },
});
