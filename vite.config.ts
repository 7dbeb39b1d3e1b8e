import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: a static bundle with relative asset paths, so it loads the same
// from app://bundle/ in Electron and from the loopback host in browser mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  // The size warning is about pages fetched over a network; this bundle is read from disk. The main chunk is
  // React DOM, zod (the shared contract) and the screens used all day; the outcomes charts are split off (App.tsx).
  build: { outDir: '../out/renderer', emptyOutDir: true, sourcemap: true, target: 'chrome130', chunkSizeWarningLimit: 700 },
});
