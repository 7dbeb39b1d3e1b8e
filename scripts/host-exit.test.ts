// npm start's end (scripts/host-exit.mjs, used by scripts/start.mjs): a host that
// crashes or fails is reported in one line with its cause and a non-zero exit, never
// a silent 0. Each case runs the real function in a child process against a fake
// host, and looks at that process's exit code and output.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const hostExit = pathToFileURL(path.join(__dirname, 'host-exit.mjs')).href;

/** Runs a fake host (Node code) under exitWithChild, as npm start runs the real one. */
function watch(hostCode: string, options: { nodeVersion?: string; stopRequested?: boolean } = {}) {
  const driver = `
    import { spawn } from 'node:child_process';
    import { exitWithChild } from ${JSON.stringify(hostExit)};
    const host = spawn(process.execPath, ['-e', ${JSON.stringify(hostCode)}], { stdio: ['ignore', 'inherit', 'inherit'] });
    exitWithChild(host, { label: 'host', stopRequested: () => ${options.stopRequested ?? false}${options.nodeVersion ? `, nodeVersion: ${JSON.stringify(options.nodeVersion)}` : ''} });
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', driver], { encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr.trim() };
}

describe('npm start: how the host ended', () => {
  it('a segfault: one line with the signal and the Node version, and 128 + 11', () => {
    const ended = watch("process.kill(process.pid, 'SIGSEGV')");
    expect(ended.status).toBe(139);
    expect(ended.stderr).toBe(`The ProcedureDesk host crashed (signal SIGSEGV) on Node ${process.version}.`);
  });

  it('a segfault on a Node older than engines: says that is the likely cause and what to do', () => {
    const ended = watch("process.kill(process.pid, 'SIGSEGV')", { nodeVersion: 'v20.20.2' });
    expect(ended.status).toBe(139);
    expect(ended.stderr.split('\n')).toHaveLength(1);
    expect(ended.stderr).toMatch(/^The ProcedureDesk host crashed \(signal SIGSEGV\) on Node v20\.20\.2, which is older than the Node >= 22\.14 it needs/);
    expect(ended.stderr).toContain('npm start');
  });

  it('an exit code: passed on, with one line under the host’s own message', () => {
    const ended = watch("console.error('ProcedureDesk could not start: disk full'); process.exit(3)");
    expect(ended.status).toBe(3);
    expect(ended.stderr).toBe('ProcedureDesk could not start: disk full\nThe ProcedureDesk host stopped with exit code 3 (its own message, if any, is above).');
  });

  it('killed from outside: the signal, and 128 + 9', () => {
    const ended = watch("process.kill(process.pid, 'SIGKILL')");
    expect(ended.status).toBe(137);
    expect(ended.stderr).toBe('The ProcedureDesk host was stopped by signal SIGKILL (killed from outside: out of memory?).');
  });

  it('a clean exit, or the stop npm start asked for (Ctrl-C, SIGTERM): 0 and nothing printed', () => {
    expect(watch("console.log('bye')")).toMatchObject({ status: 0, stdout: 'bye\n', stderr: '' });
    expect(watch("process.kill(process.pid, 'SIGTERM')", { stopRequested: true })).toMatchObject({ status: 0, stderr: '' });
  });

  it('a SIGTERM npm start did not send is not a clean stop', () => {
    const ended = watch("process.kill(process.pid, 'SIGTERM')");
    expect(ended.status).toBe(143);
    expect(ended.stderr).toBe('The ProcedureDesk host was stopped by signal SIGTERM.');
  });
});
