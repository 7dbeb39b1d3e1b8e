/**
 * Reading an HL7 v2 ACK: MSA-1 (table 0008), MSA-2 (the message control id it
 * answers), MSA-3 (text message) and the ERR segments, which are the receiver's
 * reason. What each code means for the sender follows v2.5.1 chapter 2, §2.9
 * (message processing rules) and table 0008:
 * - AA: the receiving application accepted and processed it. Done.
 * - AE: it found an error in the message; the sender must correct it before resending
 *   (original mode, §2.9.2): retrying the same message would not help, so not retried.
 * - AR: rejected for MSH-9/11/12, or for a reason unrelated to the content (the receiver
 *   is unavailable); the same message may be resent after a while: retried.
 * - CA (enhanced mode, §2.9.3): committed to safe storage; the application ack would come
 *   later. Counted as delivered.
 * - CE: could not commit for a reason other than the message (e.g. storage): retried.
 * - CR: rejected for MSH-9/11/12: the site must correct the set-up, not retried.
 * Sources: HL7 v2.5.1 chapter 2 §2.9.2 (original mode) and §2.9.3 (enhanced mode); table 0008 as
 * published at terminology.hl7.org/CodeSystem/v2-0008; the sender's action per code as vendors
 * restate it (learn.microsoft.com, BizTalk Accelerator for HL7, "Message Acknowledgment Segment").
 */

export type AckCode = 'AA' | 'AE' | 'AR' | 'CA' | 'CE' | 'CR';

export interface Ack {
  code: AckCode;
  controlId: string;
  /** MSA-3 and each ERR's code and message, joined; '' when the receiver gave none. */
  reason: string;
}

const field = (segment: string[], n: number): string => segment[n] ?? '';

/** ERR (v2.5.1): ERR-3 HL7 error code (CWE: code^text), ERR-7 diagnostic information, ERR-8 user message; ERR-1 in older versions. */
function errWords(err: string[], component: string): string {
  const code = field(err, 3).split(component);
  const words = [field(err, 8), field(err, 7), code[1] ?? '', code[0] ?? '', field(err, 1).split(component).filter(Boolean).join(' ')];
  return words.find((w) => w.trim() !== '')?.trim() ?? '';
}

/** Parses an ACK; throws with a plain reason when it is not one. */
export function parseAck(text: string): Ack {
  const segments = text.split(/\r\n|\r|\n/).filter((s) => s.length > 0);
  const msh = segments[0];
  if (!msh?.startsWith('MSH') || msh.length < 8) throw new Error('the answer is not an HL7 message (no MSH segment)');
  const fieldSep = msh[3]!;
  const component = msh[4]!;
  const parsed = segments.map((s) => s.split(fieldSep));
  const msa = parsed.find((s) => s[0] === 'MSA');
  if (!msa) throw new Error('the answer has no MSA segment');
  const code = field(msa, 1);
  if (!['AA', 'AE', 'AR', 'CA', 'CE', 'CR'].includes(code)) throw new Error(`the answer's MSA-1 is "${code.slice(0, 10)}", not an acknowledgment code`);
  const reasons = [field(msa, 3), ...parsed.filter((s) => s[0] === 'ERR').map((s) => errWords(s, component))].map((r) => r.trim()).filter(Boolean);
  return { code: code as AckCode, controlId: field(msa, 2), reason: [...new Set(reasons)].join('; ') };
}
