// The renderer's build: a static bundle in dist/renderer, loaded by Electron from disk (base './').
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(here, '../dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: { fs: { allow: [resolve(here, '..')] } },
});
