// Runs an npm script's command on a supported Node (see scripts/node-runtime.mjs):
//   node scripts/with-node.mjs scripts/start.mjs --browser   a script, run by Node
//   node scripts/with-node.mjs vitest run                     a command on PATH
// When the Node running this is new enough, the command runs as it would have.
// Otherwise it runs on the Node fetched by npm install (fetched now if missing), with
// that Node first on PATH, so `#!/usr/bin/env node` tools, npx and nested npm runs
// use it too. The exit code (or 128 + signal number) is passed on.
// Plain JavaScript for any Node >= 18.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { provision } from './node-runtime.mjs';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-node.mjs <script.mjs | command> [args...]');
  process.exit(2);
}

const node = provision();
if (!node.ok) {
  console.error(node.message);
  process.exit(1);
}
if (node.fetched) console.error(`ProcedureDesk: fetched Node ${node.version} (${node.spec}) to run on.`);

const env = { ...process.env };
if (node.bin) {
  const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') || 'PATH';
  env[key] = [path.dirname(node.bin), env[key]].filter(Boolean).join(path.delimiter);
}
const nodeBin = node.bin || process.execPath;
const isScript = /\.[cm]?js$/.test(command);
let child;
if (isScript || command === 'node') {
  child = spawn(nodeBin, isScript ? [command, ...args] : args, { stdio: 'inherit', env });
} else if (process.platform === 'win32') {
  // .cmd shims need a shell there; quote what has spaces.
  const line = [command, ...args].map((a) => (/[\s"]/.test(a) ? `"${a.replace(/"/g, '\\"')}"` : a)).join(' ');
  child = spawn(line, { stdio: 'inherit', env, shell: true });
} else {
  child = spawn(command, args, { stdio: 'inherit', env });
}

// The terminal sends Ctrl-C to the whole process group and npm forwards it too: pass
// each signal on once, so the child sees it as it would without this launcher.
const forwarded = new Set();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (forwarded.has(signal)) return;
    forwarded.add(signal);
    child.kill(signal);
  });
}
child.on('error', (error) => {
  console.error(`Could not run ${command}: ${error.message}`);
  process.exit(127);
});
child.on('exit', (code, signal) => {
  if (signal) process.exit(128 + (os.constants.signals[signal] || 0));
  process.exit(code ?? 1);
});
