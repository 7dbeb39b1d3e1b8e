import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: a static bundle with relative asset paths, so it loads the same
// from app://bundle/ in Electron and from the loopback host in browser mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../out/renderer', emptyOutDir: true, sourcemap: true, target: 'chrome130' },
});
