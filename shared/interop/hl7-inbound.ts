/**
 * Reading the day's schedule from HL7 v2 (issue 19, points 6 and 9): SIU^S12 (a new appointment, v2.5.1
 * chapter 10 §10.4.1), ADT^A04 (register a patient) and ADT^A08 (update patient information, chapter 3
 * §3.3.4 and §3.3.8). Anything else, or a message missing what a safe import needs, is refused whole with
 * the field named; the caller answers AE/AR (table 0008) and logs it. Pure ECMAScript: the bytes are
 * decoded (and the size capped) by the caller.
 * Fields read (v2.5.1): MSH-9 type, MSH-10 control id, MSH-18 character set; PID-3 (CX, its CX.4 HD the
 * assigning authority), PID-5 (XPN), PID-7 (TS), PID-8 (table 0001), PID-15 (CWE primary language); PV1-3 (PL), PV1-19 (CX visit number);
 * SCH-1/SCH-2 (EI placer/filler appointment id), SCH-7 (reason), SCH-11.4 (TQ start), SCH-25 (filler
 * status, table 0278); TQ1-7 (start); AIS-3 (CE service), AIS-4 (start); AIL-3 (PL location), AIL-6 (start).
 */
import { checkInbound, InboundRefusal, type InboundLanguage, type InboundMessage } from '../contract/schedule-inbound';
import { inboundLanguage } from './inbound-language';
import { universalId } from './identity';
import { wallClock } from './wall-clock';

export interface InboundIdentity {
  /** The configured MRN system (a URI; its OID or URI is HD.2 of CX.4); null refuses every message. */
  mrnSystem: string | null;
  /** HD.1 of CX.4 that names the MRN's assigning authority (settings.interop.mrnAssigningAuthority). */
  mrnAssigningAuthority: string;
  /** The clinic's IANA zone: a time sent with an offset is shown at the clinic's wall clock. */
  timeZone: string;
}

interface Delimiters { field: string; component: string; repetition: string; escape: string; subcomponent: string }

type Segment = string[];

const SUPPORTED = new Set(['SIU^S12', 'ADT^A04', 'ADT^A08']);
/** MSH-18 (table 0211) values whose text is UTF-8 as decoded: ASCII is a subset. */
const CHARSETS = new Set(['', 'ASCII', 'UNICODE UTF-8', 'UTF-8']);

/** HL7 escape sequences (v2.5.1 §2.7.4) back to the characters they stand for. */
function unescape(text: string, d: Delimiters): string {
  if (!text.includes(d.escape)) return text;
  const map: Record<string, string> = { F: d.field, S: d.component, T: d.subcomponent, R: d.repetition, E: d.escape };
  const e = d.escape.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`${e}([FSTRE])${e}`, 'g'), (_m, c: string) => map[c]!);
}

function segmentsOf(text: string): { d: Delimiters; segments: Segment[] } {
  const lines = text.split(/\r\n|\r|\n/).filter((s) => s.length > 0);
  const msh = lines[0];
  if (!msh?.startsWith('MSH') || msh.length < 8) throw new InboundRefusal('the message does not start with an MSH segment', 'AR');
  const d: Delimiters = { field: msh[3]!, component: msh[4]!, repetition: msh[5]!, escape: msh[6]!, subcomponent: msh[7]! };
  if (new Set(Object.values(d)).size !== 5 || /[A-Za-z0-9]/.test(Object.values(d).join(''))) {
    throw new InboundRefusal('MSH-1/MSH-2: the delimiters are not five distinct punctuation characters', 'AR');
  }
  const segments = lines.map((line, index) => {
    const fields = line.split(d.field);
    if (!/^[A-Z][A-Z0-9]{2}$/.test(fields[0]!)) throw new InboundRefusal(`segment ${index + 1} is not an HL7 segment (it starts "${line.slice(0, 12)}")`);
    // MSH-1 is the field separator itself: shift so MSH-n is fields[n], as for every other segment.
    return fields[0] === 'MSH' ? ['MSH', d.field, ...fields.slice(1)] : fields;
  });
  if (segments.filter((s) => s[0] === 'MSH').length > 1) throw new InboundRefusal('more than one MSH segment: send one message at a time', 'AR');
  return { d, segments };
}

const fieldOf = (s: Segment | undefined, n: number): string => s?.[n] ?? '';
const componentOf = (value: string, d: Delimiters, n: number): string => value.split(d.repetition)[0]!.split(d.component)[n - 1] ?? '';

/**
 * An HL7 TS (YYYY[MM[DD[HHMM[SS[.S]]]]][+/-ZZZZ], v2.5.1 §2.A.75) as the clinic's date and time.
 * A time with an offset is converted to the clinic's zone; one without is read as the clinic's wall clock.
 */
export function readTimestamp(ts: string, field: string, timeZone: string): { date: string; time: string | null } {
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(?:(\d{2})(?:\.\d{1,4})?)?)?([+-]\d{4})?$/.exec(ts);
  if (!m) throw new InboundRefusal(`${field}: "${ts.slice(0, 30)}" is not an HL7 date/time (YYYYMMDD[HHMM[SS]][+ZZZZ])`);
  const [, y, mo, da, h, mi, s, offset] = m;
  const date = `${y}-${mo}-${da}`;
  const probe = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(da)));
  if (probe.getUTCMonth() !== Number(mo) - 1 || probe.getUTCDate() !== Number(da)) throw new InboundRefusal(`${field}: ${ts} is not a real date`);
  if (h === undefined) return { date, time: null };
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) throw new InboundRefusal(`${field}: ${ts} is not a real time of day`);
  if (!offset) return { date, time: `${h}:${mi}` };
  const iso = `${date}T${h}:${mi}:${s ?? '00'}${offset.slice(0, 3)}:${offset.slice(3)}`;
  return wallClock(Date.parse(iso), timeZone);
}

/**
 * PID-15 (CWE; table 0296 is site-defined, commonly ISO 639): the first repetition's identifier and text.
 * An empty field is no language sent; one the list lacks is kept as sent, with no tag (never guessed).
 */
function languageOf(pid: Segment, d: Delimiters): InboundLanguage | null {
  const value = fieldOf(pid, 15);
  return inboundLanguage(unescape(componentOf(value, d, 1), d), unescape(componentOf(value, d, 2), d));
}

/** PID-3: the one identifier whose assigning authority (CX.4) is the configured MRN system. Never a name. */
function mrnOf(pid: Segment, d: Delimiters, identity: InboundIdentity): string {
  if (!identity.mrnSystem) throw new InboundRefusal('the MRN system is not set up: an administrator sets it in Chart exports before the schedule can be imported', 'AR');
  const oid = universalId(identity.mrnSystem).id.toLowerCase();
  const authority = identity.mrnAssigningAuthority.toLowerCase();
  const found = new Set<string>();
  for (const cx of fieldOf(pid, 3).split(d.repetition)) {
    const parts = cx.split(d.component);
    const [namespace = '', universal = ''] = (parts[3] ?? '').split(d.subcomponent);
    const ours = namespace.toLowerCase() === authority || (universal !== '' && universal.toLowerCase() === oid);
    if (ours && parts[0]) found.add(unescape(parts[0], d));
  }
  if (found.size > 1) throw new InboundRefusal(`PID-3: two different MRNs from ${identity.mrnAssigningAuthority} (${[...found].join(', ')})`);
  const [mrn] = found;
  if (!mrn) throw new InboundRefusal(`PID-3: no identifier assigned by ${identity.mrnAssigningAuthority} (${identity.mrnSystem}); a patient is matched by MRN only, never by name`);
  return mrn;
}

/** PID-8 (HL7 table 0001). */
function sexOf(code: string): 'female' | 'male' | 'other' | 'unknown' {
  const sex = ({ F: 'female', M: 'male', O: 'other', A: 'other', U: 'unknown', N: 'unknown', '': 'unknown' } as const)[code.toUpperCase() as 'F'];
  if (!sex) throw new InboundRefusal(`PID-8: "${code.slice(0, 10)}" is not an administrative sex (table 0001: F, M, O, A, U, N)`);
  return sex;
}

/** A PL (point of care, room, bed) as one line: "PAIN-2 Room 3". */
function placeOf(pl: string, d: Delimiters): string | null {
  const text = pl.split(d.repetition)[0]!.split(d.component).slice(0, 3).map((c) => unescape(c, d).trim()).filter(Boolean).join(' ');
  return text || null;
}

function appointmentOf(segments: Segment[], d: Delimiters, identity: InboundIdentity, pv1: Segment | undefined) {
  const sch = segments.find((s) => s[0] === 'SCH');
  if (!sch) throw new InboundRefusal('SIU^S12 without an SCH segment');
  const tq1 = segments.find((s) => s[0] === 'TQ1');
  const ais = segments.find((s) => s[0] === 'AIS');
  const ail = segments.find((s) => s[0] === 'AIL');
  const sourceId = componentOf(fieldOf(sch, 2), d, 1) || componentOf(fieldOf(sch, 1), d, 1);
  if (!sourceId) throw new InboundRefusal('SCH-1 and SCH-2: the appointment has no id (placer or filler appointment id)');
  const starts: [string, string][] = [['TQ1-7', componentOf(fieldOf(tq1, 7), d, 1)], ['SCH-11.4', componentOf(fieldOf(sch, 11), d, 4)], ['AIS-4', componentOf(fieldOf(ais, 4), d, 1)], ['AIL-6', componentOf(fieldOf(ail, 6), d, 1)]];
  const start = starts.find(([, v]) => v !== '');
  if (!start) throw new InboundRefusal('the appointment has no start time (TQ1-7, SCH-11.4, AIS-4 or AIL-6)');
  const when = readTimestamp(start[1], start[0], identity.timeZone);
  const service = fieldOf(ais, 3);
  const procedure = componentOf(service, d, 2) || componentOf(service, d, 1) || componentOf(fieldOf(sch, 7), d, 2) || componentOf(fieldOf(sch, 7), d, 1);
  const status = componentOf(fieldOf(sch, 25), d, 1).toLowerCase();
  return {
    sourceId: unescape(sourceId, d),
    ...when,
    location: placeOf(fieldOf(ail, 3), d) ?? placeOf(fieldOf(pv1, 3), d),
    visitNumber: unescape(componentOf(fieldOf(pv1, 19), d, 1), d) || null,
    procedureText: procedure ? unescape(procedure, d) : null,
    status: status === 'cancelled' || status === 'deleted' ? 'cancelled' : 'booked',
  };
}

/** Reads one message, or throws InboundRefusal naming what is wrong. Nothing is written here. */
export function readHl7Schedule(text: string, identity: InboundIdentity): InboundMessage {
  const { d, segments } = segmentsOf(text);
  const msh = segments[0]!;
  const type = `${componentOf(fieldOf(msh, 9), d, 1)}^${componentOf(fieldOf(msh, 9), d, 2)}`;
  if (!SUPPORTED.has(type)) throw new InboundRefusal(`MSH-9: ${type} is not taken here (SIU^S12, ADT^A04 and ADT^A08 are)`, 'AR');
  const messageId = fieldOf(msh, 10);
  if (!messageId) throw new InboundRefusal('MSH-10: the message control id is missing', 'AR');
  const charset = fieldOf(msh, 18).split(d.repetition)[0]!.toUpperCase();
  if (!CHARSETS.has(charset)) throw new InboundRefusal(`MSH-18: character set ${charset.slice(0, 20)} is not taken; send UNICODE UTF-8`, 'AR');
  const pids = segments.filter((s) => s[0] === 'PID');
  if (pids.length !== 1) throw new InboundRefusal(pids.length ? 'more than one PID segment: one patient per message' : 'no PID segment: the message names no patient');
  const pid = pids[0]!;
  const pv1 = segments.find((s) => s[0] === 'PV1');
  const birth = fieldOf(pid, 7);
  if (!birth) throw new InboundRefusal('PID-7: the date of birth is missing');
  return checkInbound({
    kind: type === 'SIU^S12' ? 'appointment' : type === 'ADT^A04' ? 'register' : 'update',
    messageId,
    patient: {
      mrn: mrnOf(pid, d, identity),
      familyName: unescape(componentOf(fieldOf(pid, 5), d, 1), d),
      givenName: unescape(componentOf(fieldOf(pid, 5), d, 2), d),
      // A date of birth is a calendar date: any time or offset after it is dropped, never shifted by a zone.
      birthDate: readTimestamp(birth.replace(/[+-]\d{4}$/, ''), 'PID-7', 'UTC').date,
      sex: sexOf(fieldOf(pid, 8)),
    },
    language: languageOf(pid, d),
    appointment: type === 'SIU^S12' ? appointmentOf(segments, d, identity, pv1) : null,
  });
}
