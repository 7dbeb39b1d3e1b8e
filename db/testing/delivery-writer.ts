/**
 * Child process for the delivery-kill test: opens the core on a prepared data
 * folder (an exported note queued for MLLP or FHIR) and runs the delivery worker once.
 * It stops for the parent's SIGKILL at the named point:
 *   send: the attempt is recorded as under way, the message not yet written to the socket;
 *   ack:  the receiver's ACK has arrived, its outcome not yet recorded;
 *   none: runs to the end (the parent may kill it when the receiver has the message).
 *   node delivery-writer.mjs <dataDir> <send|ack|none>
 */
import fs from 'node:fs';
import net from 'node:net';
import { openCore } from '../core';
import { TEST_PASSWORD_COST } from './temp-core';

const [dataDir, stopAt] = process.argv.slice(2) as [string, 'send' | 'ack' | 'none'];
const say = (line: object) => fs.writeSync(1, `${JSON.stringify(line)}\n`);
function stop(before: string): void {
  say({ op: 'stopped', before });
  // Blocks this thread for good: the parent kills the process here.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}

const core = openCore({ dataDir, passwordCost: TEST_PASSWORD_COST });
const proto = net.Socket.prototype as unknown as Record<'write' | 'destroy', (this: net.Socket, ...a: unknown[]) => unknown>;
const { write, destroy } = proto;
proto.write = function (this: net.Socket, ...args: unknown[]) {
  if (stopAt === 'send') stop('send');
  return write.apply(this, args);
};
// The client destroys its socket once the ACK is read, just before the outcome is recorded.
proto.destroy = function (this: net.Socket, ...args: unknown[]) {
  if (stopAt === 'ack') stop('ack');
  return destroy.apply(this, args);
};

core.delivery.runDue().then((attempts) => {
  say({ op: 'done', attempts });
  core.close();
}, (error: unknown) => {
  process.stderr.write(`delivery-writer failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
});
