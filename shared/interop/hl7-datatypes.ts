/**
 * The HL7 v2.5.1 data types the MDM builder (hl7-mdm.ts) writes: DTM and DT, escaped text and
 * components, segments, HD, and XCN/PPN for the people the note names, each kept to its field's
 * maximum where a shorter form exists (hl7-field-lengths.ts).
 */
import type { Actor } from '../contract/common';
import { withoutHiddenCharacters } from '../contract/text-rules';
import { NPI_OID, universalId, type ExportIdentity } from './identity';
import { toInstant } from './encoding';
import { escapeHl7 } from './hl7-escape';
import { FIELD_SEPARATOR } from './hl7-delimiters';
import { HL7_251_MAX_LENGTHS } from './hl7-field-lengths';

/** Components of one field, each cleaned and escaped, joined by ^, trailing empty components dropped. */
export function components(...parts: (string | null | undefined)[]): string {
  const escaped = parts.map((p) => (p ? escapeHl7(withoutHiddenCharacters(p)) : ''));
  while (escaped.length && escaped[escaped.length - 1] === '') escaped.pop();
  return escaped.join('^');
}

/** One segment from its fields (index 0 = field 1), trailing empty fields dropped. Fields are already encoded. */
export function segment(name: string, fields: (string | null | undefined)[]): string {
  const values = fields.map((f) => f ?? '');
  while (values.length && values[values.length - 1] === '') values.pop();
  return [name, ...values].join(FIELD_SEPARATOR);
}

// ---------------------------------------------------------------- data types

/** HL7 DTM from an ISO instant: YYYYMMDDHHMMSS+0000 (UTC, stated explicitly). */
export function hl7DateTime(iso: string): string {
  const t = toInstant(iso, 'a date-time');
  return `${t.slice(0, 4)}${t.slice(5, 7)}${t.slice(8, 10)}${t.slice(11, 13)}${t.slice(14, 16)}${t.slice(17, 19)}+0000`;
}

/** HL7 DT from YYYY-MM-DD. */
export function hl7Date(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new Error(`a date must be YYYY-MM-DD, got ${JSON.stringify(isoDate)}`);
  return isoDate.replaceAll('-', '');
}

/** One encoded value: cleaned of hidden characters and escaped (§2.7). */
export function text(value: string | null | undefined): string {
  return value ? escapeHl7(withoutHiddenCharacters(value)) : '';
}

/**
 * HD (HL7 v2.5.1 §2.A.33): namespace id & universal id & universal id type, as subcomponents
 * (inside a component of CX or XCN). The universal id comes from the identifier system URI.
 */
export function hd(namespace: string, system: string | null): string {
  if (!system) return text(namespace);
  const universal = universalId(system);
  return [text(namespace), text(universal.id), universal.type].join('&');
}

/**
 * The full form if it fits the field's v2.5.1 maximum, else the shorter one: an HD with its namespace
 * only, dropping the universal id (the receiver's interface is configured by namespace too), or a PL
 * without the facility MSH-4 already names. Whatever is still too long is refused by assertFieldLengths.
 */
export function fitting(max: number, full: string, shorter: () => string): string {
  return full.length <= max ? full : shorter();
}

/** Encoded components joined by ^, trailing empty ones dropped. */
export function joined(parts: string[]): string {
  const out = [...parts];
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('^');
}

/**
 * XCN (HL7 v2.5.1 §2.A.88) for a person the note names, one repetition per identifier: 1 ID number,
 * 2 family name, 3 given name, 9 assigning authority (HD), 13 identifier type (table 0203: NPI, or
 * PRN provider number for the clinic's local id). With no identifier, the display name alone goes in
 * the family name (no ID: a receiver cannot match it, which is why the outbox refuses a signer without one).
 * `extra` fills components after 14 (PPN's 15, the authentication time, for TXA-22).
 */
export function xcn(actor: Actor, identity: MdmIdentity | undefined, extra: string[] = []): string {
  const provider = identity?.providerOf(actor) ?? null;
  const ids: { id: string; authority: string; namespace: string; type: string }[] = [];
  if (provider?.npi) ids.push({ id: provider.npi, authority: hd('NPI', `urn:oid:${NPI_OID}`), namespace: 'NPI', type: 'NPI' });
  if (provider?.localId && identity?.providerIdSystem) {
    ids.push({ id: provider.localId, authority: hd(identity.sendingFacility, identity.providerIdSystem), namespace: identity.sendingFacility, type: 'PRN' });
  }
  if (!provider || !ids.length) return joined(['', text(actor.name), ...new Array<string>(12).fill(''), ...extra]);
  const repetition = (id: string, authority: string, type: string) => joined([
    text(id), text(provider.familyName), text(provider.givenName), '', '', '', '', '', authority, '', '', '', type, '', ...extra,
  ]);
  return ids.map(({ id, authority, namespace, type }) => fitting(XCN_MAX, repetition(id, authority, type), () => repetition(id, text(namespace), type))).join('~');
}

/** PPN (TXA-22): the XCN components and, in component 15, when they authenticated. */
export function authentication(actor: Actor, at: string, identity: MdmIdentity | undefined): string {
  return xcn(actor, identity, [hl7DateTime(at)]);
}

/** What the XCN, CX and PV1 need of the export identity: the people's ids and the systems, with the facility as namespace. */
export type MdmIdentity = Pick<ExportIdentity, 'providerOf' | 'providerIdSystem' | 'visitNumberSystem'> & {
  /** The MRN system (the receiver's): PID-3's assigning authority universal id. */
  mrnSystem: string | null;
  /** MSH-4: the namespace of the clinic's own ids (local provider ids). */
  sendingFacility: string;
  /** MSH-6: the namespace of the EHR's visit numbers. */
  receivingFacility: string;
};

const XCN_MAX = HL7_251_MAX_LENGTHS.TXA![5]!;
