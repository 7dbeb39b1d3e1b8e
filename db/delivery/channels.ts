/**
 * The channels a queued document is delivered over. Each takes one queued row
 * and says how the attempt ended; the worker does the bookkeeping. FHIR R4 REST
 * is in fhir-channel.ts: 2xx acknowledged, 4xx refused, 5xx or no answer unreachable.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DeliveryChannelName } from '#shared/contract/delivery';
import type { MllpSettings } from '#shared/contract/delivery-settings';
import { writeFileAtomic } from '../export/atomic-write';
import type { QueuedDelivery } from '../repositories/delivery-queue';
import { parseAck } from './ack';
import { MllpTransportError, sendMllp } from './mllp-client';

export type AttemptOutcome =
  /** The receiver has it: acknowledged by its application, or delivered (a file in place, a commit accept). */
  | { result: 'acknowledged' | 'delivered'; said: string }
  /** The receiver answered no: `retry` when the same message may succeed later (AR, CE). */
  | { result: 'refused'; said: string; retry: boolean }
  /** No answer (down, slow, cut off): it may or may not have it, so the same message is sent again later. */
  | { result: 'unreachable'; said: string };

export interface DeliveryChannel {
  name: DeliveryChannelName;
  send(item: QueuedDelivery): Promise<AttemptOutcome>;
}

export function mllpChannel(settings: MllpSettings): DeliveryChannel {
  const target = { host: settings.host, port: settings.port, timeoutMs: settings.timeoutSeconds * 1000 };
  return {
    name: 'mllp',
    async send(item) {
      let text: string;
      try {
        text = await sendMllp(target, item.payload);
      } catch (error) {
        if (error instanceof MllpTransportError) return { result: 'unreachable', said: error.message };
        throw error;
      }
      let ack;
      try {
        ack = parseAck(text);
      } catch (error) {
        return { result: 'unreachable', said: `the receiver's answer could not be read: ${error instanceof Error ? error.message : String(error)}` };
      }
      // An ACK for another message says nothing about this one.
      if (ack.controlId !== item.messageControlId) return { result: 'unreachable', said: `the receiver acknowledged message ${ack.controlId.slice(0, 40)}, not this one` };
      const said = ack.reason ? `${ack.code}: ${ack.reason}` : `${ack.code} (the receiver gave no reason)`;
      switch (ack.code) {
        case 'AA': return { result: 'acknowledged', said: ack.reason ? `AA: ${ack.reason}` : 'AA' };
        case 'CA': return { result: 'delivered', said: ack.reason ? `CA: ${ack.reason}` : 'CA' };
        case 'AR': case 'CE': return { result: 'refused', said, retry: true };
        case 'AE': case 'CR': return { result: 'refused', said, retry: false };
      }
    },
  };
}

/** The HL7 message as a file in a folder an engine polls: whole or not at all, once. */
export function folderChannel(folder: string): DeliveryChannel {
  return {
    name: 'folder',
    send(item) {
      return Promise.resolve(dropFile(folder, item));
    },
  };
}

function dropFile(folder: string, item: QueuedDelivery): AttemptOutcome {
  const data = `${item.payload}\r`;
  const target = path.join(folder, item.fileName);
  try {
    // Put there by an attempt that was cut short before it was recorded: the same file, not a second one.
    if (fs.existsSync(target)) {
      return fs.readFileSync(target, 'utf8') === data
        ? { result: 'delivered', said: `already in ${folder}` }
        : { result: 'refused', said: `${item.fileName} in ${folder} holds something else; it was left alone`, retry: false };
    }
    writeFileAtomic(folder, item.fileName, data, item.id);
    return { result: 'delivered', said: `written to ${folder}` };
  } catch (error) {
    return { result: 'unreachable', said: `${folder}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
