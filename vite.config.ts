// Vite build of the browser runtime: one classic IIFE script in lib/runtime/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The deck is one HTML file opened from file:// as often as from a server, so
// the runtime must be a single classic script that can be inlined: no ES
// module, no code splitting, no modulepreload, no crossorigin (REFERENCE.md d).
export default defineConfig({
  root,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  // Library mode leaves process.env.NODE_ENV alone; browsers have no process.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'lib/runtime',
    emptyOutDir: true,
    copyPublicDir: false,
    // Evergreen browsers on council laptops and Chromium for PDF export.
    target: 'es2020',
    minify: true,
    sourcemap: false,
    modulePreload: false,
    reportCompressedSize: false,
    lib: {
      entry: 'src/runtime/index.ts',
      formats: ['iife'],
      name: 'SamtaleRuntime',
      fileName: () => 'runtime.js',
    },
  },
});
