/**
 * One inbound HL7 v2 message as bytes (a dropped file or an MLLP frame) to its outcome and ACK: the size
 * capped, the bytes decoded as UTF-8 (anything else refused, never guessed), the message read and checked
 * (shared/interop/hl7-inbound.ts) and imported in one transaction, or refused and logged. The ACK's MSA-1
 * follows table 0008 (AA accepted; AE an error in the content, fix and resend; AR not processed at all),
 * MSA-3 and ERR-8 carry the reason in words, ERR-3 its code from table 0357 (v2.5.1 §2.15.5, §2.15.8).
 */
import { readHl7Schedule, type InboundIdentity } from '#shared/interop/hl7-inbound';
import { InboundRefusal } from '#shared/contract/schedule-inbound';
import type { InteropSettings } from '#shared/contract/settings';
import type { InboundChannel } from '../repositories/appointments';
import type { ScheduleImporter } from './import';

export interface ReceiveOutcome {
  code: 'AA' | 'AE' | 'AR';
  /** MSH-10 of the message, '' when it could not be read. */
  controlId: string;
  reason: string;
  ack: string;
}

export interface ReceiveSettings {
  identity: InboundIdentity;
  interop: Pick<InteropSettings, 'sendingApplication' | 'sendingFacility'>;
  maxMessageBytes: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Table 0357 for a refusal's words: what an engine's error queue sorts on. */
function errorCode(reason: string): string {
  if (/^MSH-9/.test(reason)) return '200^Unsupported message type';
  if (/already booked for another patient/.test(reason)) return '205^Duplicate key identifier';
  if (/missing|no identifier|has no|without|no PID/.test(reason)) return '101^Required field missing';
  return '102^Data type error';
}

function hl7Escape(text: string): string {
  return text.replace(/\\/g, '\\E\\').replace(/\|/g, '\\F\\').replace(/\^/g, '\\S\\').replace(/&/g, '\\T\\').replace(/~/g, '\\R\\').replace(/[\r\n]+/g, ' ');
}

const fieldsOf = (text: string): string[] => (text.startsWith('MSH') ? (text.split(/\r|\n/)[0] ?? '').split(text[3] ?? '|') : []);

/** An ACK for the message (v2.5.1 §2.14.1 general acknowledgment), answering its MSH-10. */
export function buildAck(received: string, outcome: Omit<ReceiveOutcome, 'ack'>, settings: ReceiveSettings, at: Date): string {
  const msh = fieldsOf(received);
  const ts = at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const trigger = (msh[8] ?? '').split('^')[1] ?? '';
  const lines = [
    `MSH|^~\\&|${hl7Escape(settings.interop.sendingApplication)}|${hl7Escape(settings.interop.sendingFacility)}|${hl7Escape((msh[2] ?? '').split('^')[0] ?? '')}|${hl7Escape((msh[3] ?? '').split('^')[0] ?? '')}|${ts}||ACK^${hl7Escape(trigger.slice(0, 3))}^ACK|ACK${ts}${String(at.getMilliseconds()).padStart(3, '0')}|P|2.5.1`,
    `MSA|${outcome.code}|${hl7Escape(outcome.controlId.slice(0, 20))}|${hl7Escape(outcome.reason.slice(0, 80))}`,
  ];
  if (outcome.code !== 'AA') lines.push(`ERR|||${errorCode(outcome.reason)}^HL70357|E||||${hl7Escape(outcome.reason.slice(0, 250))}`);
  return `${lines.join('\r')}\r`;
}

export function receiveHl7(bytes: Buffer, channel: InboundChannel, importer: ScheduleImporter, settings: ReceiveSettings, label = ''): ReceiveOutcome {
  let text = '';
  let controlId = '';
  const done = (code: ReceiveOutcome['code'], reason: string): ReceiveOutcome => ({ code, controlId, reason, ack: buildAck(text, { code, controlId, reason }, settings, new Date()) });
  try {
    if (bytes.length > settings.maxMessageBytes) throw new InboundRefusal(`the message is ${bytes.length} bytes; the limit is ${settings.maxMessageBytes}`, 'AR');
    try {
      text = utf8.decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      throw new InboundRefusal('the message is not valid UTF-8 (send UNICODE UTF-8, MSH-18)', 'AR');
    }
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) throw new InboundRefusal('the message holds control characters outside the segment separator', 'AR');
    controlId = fieldsOf(text)[9]?.slice(0, 200) ?? '';
    const message = readHl7Schedule(text, settings.identity);
    const result = importer.import(message, channel);
    return done('AA', result.summary);
  } catch (error) {
    if (!(error instanceof InboundRefusal)) throw error;
    importer.refuse(channel, controlId || label, error.message);
    return done(error.ackCode, error.message);
  }
}
