/**
 * HL7 v2.5.1 maximum lengths of the fields the MDM builder writes, with a check that a
 * message keeps to them. Source: the v2.5.1 segment attribute tables, column LEN ("the
 * maximum number of characters that one occurrence of the data field may occupy", ch. 2
 * §2.5.3.2): MSH ch. 2 §2.15.9, EVN ch. 3 §3.4.1, PID §3.4.2, PV1 §3.4.3, TXA ch. 9 §9.6.1,
 * OBX ch. 7 §7.4.2. The numbers were read from the 2.5.1 tables as published in the
 * hl7-dictionary package (lib 2.5.1 segments) and agree with the team's interop reference.
 * Each repetition is checked on its own, and on its encoded text (escapes counted), which
 * is stricter than the standard and so safe.
 */
import { FIELD_SEPARATOR, SEGMENT_SEPARATOR } from './hl7-delimiters';

/** Segment → field number → LEN. Only the fields this app writes; a field not listed here fails the check. */
export const HL7_251_MAX_LENGTHS: Readonly<Record<string, Readonly<Record<number, number>>>> = {
  // ch. 2 §2.15.9 MSH: 1 ST 1, 2 ST 4, 3-6 HD 227, 7 TS 26, 9 MSG 15, 10 ST 20, 11 PT 3, 12 VID 60, 18 ID 16.
  MSH: { 1: 1, 2: 4, 3: 227, 4: 227, 5: 227, 6: 227, 7: 26, 9: 15, 10: 20, 11: 3, 12: 60, 18: 16 },
  // ch. 3 §3.4.1 EVN: 1 ID 3, 2 TS 26.
  EVN: { 1: 3, 2: 26 },
  // ch. 3 §3.4.2 PID: 1 SI 4, 3 CX 250, 5 XPN 250, 7 TS 26, 8 IS 1.
  PID: { 1: 4, 3: 250, 5: 250, 7: 26, 8: 1 },
  // ch. 3 §3.4.3 PV1: 1 SI 4, 2 IS 1, 3 PL 80, 19 CX 250.
  PV1: { 1: 4, 2: 1, 3: 80, 19: 250 },
  // ch. 9 §9.6.1 TXA: 1 SI 4, 2 IS 30, 3 ID 2, 4/6 TS 26, 5/9/10 XCN 250, 12/13 EI 30, 16 ST 30, 17 ID 2,
  // 19 ID 2, 21 ST 30, 22 PPN 250.
  TXA: { 1: 4, 2: 30, 3: 2, 4: 26, 5: 250, 6: 26, 9: 250, 10: 250, 12: 30, 13: 30, 16: 30, 17: 2, 19: 2, 21: 30, 22: 250 },
  // ch. 7 §7.4.2 OBX: 1 SI 4, 2 ID 2, 3 CE 250, 4 ST 20, 5 varies 99999, 11 ID 1.
  OBX: { 1: 4, 2: 2, 3: 250, 4: 20, 5: 99_999, 11: 1 },
};

/** OBX-5's maximum: an embedded PDF larger than this cannot go in one OBX (v2.5.1 ch. 7 §7.4.2). */
export const OBX5_MAX_LENGTH = HL7_251_MAX_LENGTHS.OBX![5]!;

export interface FieldLengthProblem {
  field: string;
  length: number;
  max: number;
}

/** Every field of the message over its v2.5.1 maximum (or not in the table), as `SEG-n`. Empty when all fit. */
export function fieldLengthProblems(message: string): FieldLengthProblem[] {
  const problems: FieldLengthProblem[] = [];
  for (const line of message.split(SEGMENT_SEPARATOR).filter(Boolean)) {
    const name = line.slice(0, 3);
    const table = HL7_251_MAX_LENGTHS[name];
    // MSH-1 is the separator itself, so MSH's field n is split index n - 1 (and MSH-1 is counted as 1 character).
    const values = name === 'MSH' ? [FIELD_SEPARATOR, ...line.slice(4).split(FIELD_SEPARATOR)] : line.slice(4).split(FIELD_SEPARATOR);
    values.forEach((value, i) => {
      if (!value) return;
      const field = `${name}-${i + 1}`;
      const max = table?.[i + 1];
      // MSH-2 holds the repetition character itself: never split it.
      const repetitions = name === 'MSH' && i + 1 === 2 ? [value] : value.split('~');
      for (const rep of repetitions) if (max === undefined || rep.length > max) problems.push({ field, length: rep.length, max: max ?? 0 });
    });
  }
  return problems;
}

/** Throws naming every field over its maximum, so no message leaves over the limit silently. */
export function assertFieldLengths(message: string): void {
  const problems = fieldLengthProblems(message);
  if (problems.length) {
    throw new Error(`the HL7 message exceeds HL7 v2.5.1 field lengths: ${problems.map((p) => `${p.field} is ${p.length} characters (max ${p.max})`).join('; ')}`);
  }
}
