/**
 * A small MLLP client (HL7 v2 Minimal Lower Layer Protocol, v2.5.1 Appendix C):
 * each message is framed as 0x0B <message> 0x1C 0x0D, and the receiver answers
 * with one framed ACK. One message per connection: connect, send, read the ACK,
 * close. Everything (connecting, sending, waiting) is bounded by one timeout.
 */
import net from 'node:net';

const START = 0x0b;
const END = Buffer.from([0x1c, 0x0d]);
/** An ACK is a few hundred bytes; anything this large is not one. */
const MAX_ACK_BYTES = 1_000_000;

export interface MllpTarget {
  host: string;
  port: number;
  timeoutMs: number;
}

/** Why no ACK came back: the message may or may not have reached the receiver, so it is retried. */
export class MllpTransportError extends Error {
  constructor(readonly kind: 'unreachable' | 'timeout' | 'closed' | 'garbled', message: string) {
    super(message);
    this.name = 'MllpTransportError';
  }
}

export function frame(message: string): Buffer {
  return Buffer.concat([Buffer.from([START]), Buffer.from(message, 'utf8'), END]);
}

/** Sends one message and resolves with the receiver's ACK (unframed text). */
export function sendMllp(target: MllpTarget, message: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: target.host, port: target.port });
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (error: MllpTransportError | null, ack?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(ack!);
    };
    const timer = setTimeout(
      () => finish(new MllpTransportError('timeout', `no acknowledgment from ${target.host}:${target.port} within ${target.timeoutMs / 1000} s`)),
      target.timeoutMs,
    );
    socket.on('connect', () => socket.write(frame(message)));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length > MAX_ACK_BYTES) return finish(new MllpTransportError('garbled', 'the receiver answered with more than an acknowledgment'));
      const end = received.indexOf(END);
      if (end === -1) return;
      const start = received.indexOf(START);
      if (start === -1 || start > end) return finish(new MllpTransportError('garbled', 'the receiver answered without MLLP framing'));
      finish(null, received.subarray(start + 1, end).toString('utf8'));
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const refused = error.code === 'ECONNREFUSED' || error.code === 'EHOSTUNREACH' || error.code === 'ENOTFOUND' || error.code === 'ENETUNREACH';
      finish(new MllpTransportError(refused ? 'unreachable' : 'closed', `${target.host}:${target.port}: ${error.code ?? error.message}`));
    });
    socket.on('close', () => finish(new MllpTransportError('closed', `${target.host}:${target.port} closed the connection without an acknowledgment`)));
  });
}
