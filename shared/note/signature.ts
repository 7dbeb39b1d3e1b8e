/**
 * Signing in the note's content model. A signed note is its stored content
 * (fixed at signing, attestation included) followed by sections this module
 * adds: the signature with the content's SHA-256 and how it was verified, then
 * every addendum in order with its own. Both renderings (text, PDF) draw these
 * sections like any other, so they can never differ on what was signed.
 * The texts an Ed25519 signature signs are defined here, once; the signing and
 * verifying (node:crypto) live in db/signing/.
 */
import type { Actor } from '../contract/common';
import type { Addendum, SignatureVerification, SignedNote } from '../contract/note';
import { canonicalJson } from '../domain/canonical-json';
import type { NoteContent, NoteSection } from './model';
import { clockOfHeading, noteClock, type NoteClock } from '../domain/clinic-time';

export interface Signing {
  signedBy: Actor;
  signedAt: string;
  attestation: string;
}

export const ATTESTATION_HEADING = "Physician's attestation";
/** The note's one statement of its time zone (a row of its Procedure section). */
export const TIMES_LABEL = 'Times';

/**
 * The clock a stored note's times were written in: its "Times" row. A note signed before
 * that row existed printed "(UTC-06:00)" after each time; what is added to it on export
 * then names the zone after each time (`timeZone`, the clinic's now).
 */
export function clockOfContent(content: NoteContent, timeZone: string): NoteClock {
  for (const section of content.sections) {
    for (const block of section.blocks) {
      if (block.kind !== 'fields') continue;
      const row = block.rows.find(([label]) => label === TIMES_LABEL);
      const clock = row ? clockOfHeading(row[1]) : null;
      if (clock) return clock;
    }
  }
  return noteClock(timeZone, null);
}

/** The last section of the content a physician signs; covered by the content's hash. */
export function attestationSection({ signedBy, signedAt, attestation }: Signing, clock: NoteClock): NoteSection {
  return {
    heading: ATTESTATION_HEADING,
    blocks: [
      { kind: 'paragraph', text: attestation },
      { kind: 'fields', rows: [
        ['Signed by', `${signedBy.name} (${signedBy.role})`],
        ['Signed at', clock.at(signedAt)],
      ] },
    ],
  };
}

/** The text whose SHA-256 is the note's fingerprint: its content as canonical JSON. */
export function canonicalNoteContent(content: NoteContent): string {
  return canonicalJson(content);
}

/**
 * What an addendum's hash covers: everything about it, and the hash before it
 * (the note's for the first, the previous addendum's after that), so addenda
 * cannot be reordered, dropped from the middle or moved to another note unnoticed.
 */
export function canonicalAddendum(a: {
  noteId: string;
  seq: number;
  reason: string;
  text: string;
  signedAt: string;
  signedBy: Actor;
  signedByUserId: string;
  previousSha256: string;
}): string {
  return canonicalJson({
    kind: 'addendum',
    noteId: a.noteId,
    seq: a.seq,
    reason: a.reason,
    text: a.text,
    signedAt: a.signedAt,
    signedBy: { name: a.signedBy.name, role: a.signedBy.role, userId: a.signedByUserId },
    previousSha256: a.previousSha256,
  });
}

/** Where a note or addendum belongs: the signature binds it to this note, encounter and patient. */
export interface SignedPlace {
  noteId: string;
  encounterId: string;
  patientId: string;
  /** The MRN as the signed content shows it (its running header). */
  mrn: string;
}

interface SignedBy {
  signedAt: string;
  signedBy: Actor;
  signedByUserId: string;
  /** The signing key's id: the SHA-256 of its public key. */
  keyId: string;
}

/**
 * The text a note's Ed25519 signature signs: the content's SHA-256 and
 * everything that places it (note, encounter, patient and MRN, signer, key,
 * time), so a signature copied onto another note, encounter or patient fails.
 */
export function noteSignaturePayload(n: SignedPlace & SignedBy & { contentSha256: string }): string {
  return canonicalJson({
    kind: 'proceduredesk/note-signature/1',
    noteId: n.noteId, encounterId: n.encounterId, patientId: n.patientId, mrn: n.mrn,
    contentSha256: n.contentSha256, signedAt: n.signedAt,
    signedBy: { name: n.signedBy.name, role: n.signedBy.role, userId: n.signedByUserId }, keyId: n.keyId,
  });
}

/**
 * The text an addendum's signature signs: its own hash (which already covers
 * its text, reason, author, time and the hash before it) and the signature
 * before it (the note's for the first; null when that one was signed by hash
 * only), so each addendum signature covers the one before it.
 */
export function addendumSignaturePayload(a: SignedPlace & SignedBy & { addendumId: string; seq: number; contentSha256: string; previous: { sha256: string; signature: string | null } }): string {
  return canonicalJson({
    kind: 'proceduredesk/addendum-signature/1',
    noteId: a.noteId, encounterId: a.encounterId, patientId: a.patientId, mrn: a.mrn,
    addendumId: a.addendumId, seq: a.seq, contentSha256: a.contentSha256, signedAt: a.signedAt,
    signedBy: { name: a.signedBy.name, role: a.signedBy.role, userId: a.signedByUserId }, keyId: a.keyId,
    previous: { sha256: a.previous.sha256, signature: a.previous.signature },
  });
}

/** How the export states a verified signature; never claims more than was checked. */
export function verificationLine(v: SignatureVerification, what: 'note' | 'addendum'): string {
  if (v.method === 'hash-only') {
    return `Signed before cryptographic signatures (hash only): the SHA-256 above matches, but this ${what} carries no Ed25519 signature.`;
  }
  const covers = what === 'addendum' ? ' (it also covers the signature before it)' : '';
  return `Ed25519 signature verified when exported${covers}; signing key fingerprint (SHA-256 of the public key): ${v.keyId}`;
}

/** Parses "YYYY-MM-DD HH:MM (UTC±HH:MM)" (how notes signed before the clinic clock wrote times) back to the minute it names, in ms since the epoch. */
function minuteOf(formatted: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}) \(UTC([+-])(\d{2}):(\d{2})\)$/.exec(formatted);
  if (!m) return null;
  const [, y, mo, d, h, mi, sign, oh, om] = m as unknown as [string, string, string, string, string, string, string, string, string];
  const offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)) - offset * 60_000;
}

/**
 * Whether the signature recorded beside the content (who, when, attestation)
 * is the one inside the signed content. The content's hash guards the content;
 * this guards the columns stored next to it. Returns what differs, or null.
 */
export function signatureMismatch(content: NoteContent, note: Pick<SignedNote, 'signedBy' | 'signedAt' | 'attestation'>): string | null {
  const section = content.sections.at(-1);
  if (section?.heading !== ATTESTATION_HEADING) return 'the signed content has no attestation as its last section';
  const paragraph = section.blocks.find((b) => b.kind === 'paragraph');
  const fields = new Map(section.blocks.flatMap((b) => (b.kind === 'fields' ? b.rows : [])));
  if (paragraph?.text !== note.attestation) return 'the attestation differs from the signed content';
  if (fields.get('Signed by') !== `${note.signedBy.name} (${note.signedBy.role})`) return 'the signer differs from the signed content';
  const signedAtText = fields.get('Signed at') ?? '';
  const minute = minuteOf(signedAtText);
  const matches = minute === null
    ? signedAtText === clockOfContent(content, 'UTC').at(note.signedAt) && clockOfContent(content, 'UTC').heading !== null
    : minute === Math.floor(Date.parse(note.signedAt) / 60_000) * 60_000;
  if (!matches) return 'the signing time differs from the signed content';
  return null;
}

/**
 * The signed note as it is exported: the content exactly as signed, the
 * signature with its hash, each addendum in order, and who exported it when.
 */
export function signedNoteContent(
  stored: NoteContent,
  note: SignedNote,
  addenda: readonly Addendum[],
  exported: { by: Actor; at: string },
  /** Sections outside the signed content that say what happened since (e.g. the encounter's later states). */
  since: readonly NoteSection[],
  /** The stored content's clock (clockOfContent): what is added reads like what was signed. */
  clock: NoteClock,
): NoteContent {
  const signature: NoteSection = {
    heading: 'Electronic signature',
    blocks: [
      { kind: 'paragraph', text: `Signed by ${note.signedBy.name} (${note.signedBy.role}) at ${clock.at(note.signedAt)}; SHA-256 of the signed content: ${note.contentSha256}` },
      { kind: 'paragraph', text: verificationLine(note.verification, 'note') },
      { kind: 'paragraph', text: 'Everything above this signature is the note exactly as signed; it cannot be changed. Corrections follow as addenda, in the order they were signed.' },
    ],
  };
  const sections: NoteSection[] = [...stored.sections, signature];
  for (const a of addenda) {
    sections.push({
      heading: `Addendum ${a.seq}`,
      blocks: [
        { kind: 'fields', rows: [
          ['Author', `${a.signedBy.name} (${a.signedBy.role})`],
          ['Signed at', clock.at(a.signedAt)],
          ['Reason', a.reason],
        ] },
        { kind: 'paragraph', text: a.text },
        { kind: 'paragraph', text: `SHA-256 of this addendum: ${a.contentSha256}` },
        { kind: 'paragraph', text: verificationLine(a.verification, 'addendum') },
      ],
    });
  }
  sections.push(...since, {
    heading: 'Export',
    blocks: [{ kind: 'fields', rows: [
      ['Exported by', `${exported.by.name} (${exported.by.role})`],
      ['Exported at', clock.at(exported.at)],
      ['Addenda', addenda.length ? String(addenda.length) : 'None'],
    ] }],
  });
  return { ...stored, sections };
}

/** The last section of a note that has not been signed, so no reader takes a draft for the record. */
export function unsignedSection(): NoteSection {
  return {
    heading: 'Electronic signature',
    blocks: [{ kind: 'paragraph', text: 'NOT SIGNED. This is a draft generated from the encounter as it stands; it may still change.' }],
  };
}
