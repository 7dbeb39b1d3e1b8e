/**
 * Test support: an MLLP receiver that is not ours (node-hl7-server from npm),
 * started on a free port on 127.0.0.1. Each test says how it answers; every
 * message it received is kept as text.
 */
import net from 'node:net';
import type { Socket } from 'node:net';
import { Server, type Inbound, type InboundRequest, type SendResponse } from 'node-hl7-server';

export type PeerAnswer =
  | { kind: 'ack'; code: 'AA' | 'AE' | 'AR' }
  /** Its own ACK with MSA-3 and an ERR (node-hl7-server's sendResponse sends MSA-1 and MSA-2 only). */
  | { kind: 'ack-with-reason'; code: 'AE' | 'AR' | 'CA' | 'CE' | 'CR'; reason: string }
  /** Takes the message and never answers. */
  | { kind: 'silent' };

export interface MllpPeer {
  port: number;
  received: string[];
  answer: PeerAnswer;
  close(): Promise<void>;
}

/** A port that was free a moment ago (also a port where nothing listens, for "the receiver is down"). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const MLLP = (text: string) => `\x0b${text}\x1c\r`;

export async function startMllpPeer(answer: PeerAnswer, port?: number): Promise<MllpPeer> {
  const listenOn = port ?? (await freePort());
  const server = new Server({ bindAddress: '127.0.0.1' });
  let socket: Socket | null = null;
  const peer: MllpPeer = { port: listenOn, received: [], answer, close: async () => { await inbound.close(); } };
  const inbound: Inbound = server.createInbound({ port: listenOn }, (req, res) => void reply(req, res));
  async function reply(req: InboundRequest, res: SendResponse): Promise<void> {
    const message = req.getMessage();
    peer.received.push(message.toString());
    const a = peer.answer;
    if (a.kind === 'ack') await res.sendResponse(a.code);
    if (a.kind === 'ack-with-reason') {
      const control = message.get('MSH.10').toString();
      const ack = [
        `MSH|^~\\&|EHR|HOSPITAL|PROCEDUREDESK|PAIN-CLINIC|20261124153000||ACK^T02^ACK|ACK${control.slice(0, 17)}|P|2.5.1`,
        `MSA|${a.code}|${control}|${a.reason}`,
        `ERR||TXA^1^12|207^Application internal error^HL70357|E||||${a.reason}`,
      ].join('\r');
      socket?.write(MLLP(ack));
    }
  }
  inbound.on('client.connect', (s: Socket) => (socket = s));
  await new Promise<void>((resolve, reject) => {
    inbound.once('listen', () => resolve());
    inbound.once('error', reject);
  });
  return peer;
}
