// Builds everything the app runs from, into out/, once the library data has loaded:
//   out/renderer/      the React app (Vite)
//   out/host/main.mjs  the loopback host for browser mode and e2e (db/host/main.ts, esbuild)
//   out/electron/      Electron main and preload (esbuild)
// Native and font-carrying packages stay external and load from node_modules.
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';

const external = ['better-sqlite3-multiple-ciphers', 'pdfmake', 'electron'];
const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, external, logLevel: 'warning' };

// The library data (shared/library/data/) is resolved and validated when shared/library/index.ts
// loads. Load it once here, so a malformed data file fails the build naming its file and field.
const library = await esbuild({ entryPoints: ['shared/library/index.ts'], bundle: true, write: false, platform: 'node', format: 'esm', logLevel: 'warning' });
try {
  await import(`data:text/javascript;base64,${Buffer.from(library.outputFiles[0].text).toString('base64')}`);
} catch (error) {
  console.error(`build: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

await vite({ configFile: 'vite.config.ts', logLevel: 'warn' });
await esbuild({
  ...common,
  entryPoints: { main: 'db/host/main.ts' },
  outdir: 'out/host',
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
// Electron loads CommonJS; give bundled ESM code a working import.meta.url there.
const cjs = {
  ...common,
  outdir: 'out/electron',
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};
await esbuild({ ...cjs, entryPoints: { main: 'electron/main.ts' } });
// The sandboxed preload may require only 'electron': no banner, nothing external.
await esbuild({ ...common, outdir: 'out/electron', format: 'cjs', outExtension: { '.js': '.cjs' }, entryPoints: { preload: 'electron/preload.ts' } });
console.log('build: out/renderer, out/host, out/electron');
