/**
 * The delivery worker in a child process (db/testing/delivery-writer.ts), killed with SIGKILL where a
 * kill test wants it: at the point the child reports it stopped before (`"op":"stopped"`), or, with
 * `arrived`, as soon as the peer has what the child sent. Shared by the MLLP and FHIR kill tests.
 */
import { spawn } from 'node:child_process';

export interface KillWatch {
  /** True once the peer has the message (checked every millisecond). */
  arrived: () => boolean;
  /** What the kill is called then ('received', 'committed'). */
  label: string;
}

/** Resolves with where the child was killed; rejects if it ended on its own. */
export function deliveryKilledAt(writer: string, dataDir: string, stopAt: string, watchFor: KillWatch | null): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, stopAt], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killedAt: string | null = null;
    const kill = (at: string) => {
      if (killedAt) return;
      killedAt = at;
      child.kill('SIGKILL');
    };
    const watch = watchFor ? setInterval(() => watchFor.arrived() && kill(watchFor.label), 1) : null;
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.includes('"op":"stopped"'));
      if (line) kill((JSON.parse(line) as { before: string }).before);
    });
    child.on('exit', (code, signal) => {
      if (watch) clearInterval(watch);
      if (signal === 'SIGKILL' && killedAt) return resolve(killedAt);
      reject(new Error(`the delivery writer ended on its own (${code ?? signal}): ${err}${out}`));
    });
  });
}
