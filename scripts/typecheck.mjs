// Type-checks each runtime folder with its own tsconfig, so the lib/types limits
// of each (no DOM in db/, no Node in shared/ or renderer/) are enforced separately.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const projects = ['shared', 'db', 'electron', 'renderer', 'e2e'];
let failed = false;
for (const project of projects) {
  const result = spawnSync(process.execPath, [tsc, '-p', `${project}/tsconfig.json`, '--pretty'], { stdio: 'inherit' });
  console.log(`typecheck ${project}: ${result.status === 0 ? 'ok' : 'FAILED'}`);
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
