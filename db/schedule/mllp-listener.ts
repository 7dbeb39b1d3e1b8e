/**
 * A small MLLP listener for the schedule (issue 19, point 6): the interface engine sends SIU^S12 and
 * ADT^A04/A08 framed as 0x0B <message> 0x1C 0x0D (v2.5.1 Appendix C) and gets one framed ACK per message,
 * AA/AE/AR with the reason, on the same connection. Bound to 127.0.0.1 unless set otherwise. A frame
 * larger than the cap is answered AR and the connection closed, without reading the rest.
 */
import net from 'node:net';
import { frame } from '../delivery/mllp-client';
import type { ReceiveOutcome } from './hl7-receive';

const START = 0x0b;
const END = Buffer.from([0x1c, 0x0d]);

export interface MllpListener {
  port: number;
  close(): Promise<void>;
}

export interface ListenerOptions {
  host: string;
  port: number;
  maxMessageBytes: number;
  /** Imports one message and answers its ACK; never throws for a bad message. */
  receive: (bytes: Buffer) => ReceiveOutcome;
  /** The ACK for what could not even be handed to receive (too large, not framed). */
  refuse: (reason: string) => string;
  log: (message: string) => void;
}

export function startMllpListener(options: ListenerOptions): Promise<MllpListener> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        const start = buffered.indexOf(START);
        if (start === -1) {
          if (buffered.length > 0 && buffered.toString('latin1').trim() !== '') {
            socket.end(frame(options.refuse('the data is not framed as MLLP (no 0x0B start block)')));
            return;
          }
          buffered = Buffer.alloc(0);
          return;
        }
        const end = buffered.indexOf(END, start);
        if (end === -1) {
          if (buffered.length - start > options.maxMessageBytes + 1) {
            socket.end(frame(options.refuse(`the message is over the limit of ${options.maxMessageBytes} bytes`)));
            socket.destroySoon();
          }
          return;
        }
        const message = buffered.subarray(start + 1, end);
        buffered = buffered.subarray(end + END.length);
        let answer: string;
        try {
          answer = options.receive(message).ack;
        } catch (error) {
          // Not the message's fault (the database is busy or closing): AR, so the engine sends it again later.
          options.log(`schedule MLLP: could not import a message: ${error instanceof Error ? error.message : String(error)}`);
          answer = options.refuse('the clinic system could not store the message now; send it again');
        }
        socket.write(frame(answer));
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : options.port,
        close: () => new Promise<void>((done) => {
          for (const s of sockets) s.destroy();
          server.close(() => done());
        }),
      });
    });
  });
}
