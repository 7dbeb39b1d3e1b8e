// Issue 19 point 4: every HL7 field the MDM builder writes stays within its HL7 v2.5.1 maximum, read
// from the table in hl7-field-lengths.ts (with its source). Each golden-like case is built with the
// longest values the contract lets in (names, MRN, location, visit number, provider ids, the site's
// HL7 names and identifier systems), then every field is checked against the table. A PDF too large
// for OBX-5 is refused with the reason, or sent referenced (RP) when the site says so.
import { Hl7Message } from '@medplum/core';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../contract/common';
import { DEFAULT_INTEROP_SETTINGS } from '../contract/settings';
import { discussionTime } from './discussion-time';
import { documentNumberOf, messageControlIdOf } from './document-number';
import { fieldLengthProblems, HL7_251_MAX_LENGTHS, OBX5_MAX_LENGTH } from './hl7-field-lengths';
import { buildMdmT02, edFragments, type MdmInput } from './hl7-mdm';
import { encounterDetail, ESI, FAKE_PDF_BYTES, PHYSICIAN, type FixtureOptions } from './test-fixtures';

const LONG = (n: number, seed: string) => seed.repeat(Math.ceil(n / seed.length)).slice(0, n);
// Contract maxima: hl7Name 40, identifier systems (settings), MRN 32, provider names 60/60, local id 20, visit number 40, location 80.
const SETTINGS = {
  ...DEFAULT_INTEROP_SETTINGS,
  sendingApplication: LONG(40, 'SENDAPP'), sendingFacility: LONG(40, 'SENDFAC'), receivingApplication: LONG(40, 'RECVAPP'),
  receivingFacility: LONG(40, 'RECVFAC'), mrnAssigningAuthority: LONG(40, 'MRNAUTH'),
  documentType: { code: 'CONSENTDOC', text: 'Consent discussion', codingSystem: '' },
};
const SYSTEM = `https://ehr.example.org/${LONG(200 - 'https://ehr.example.org/'.length, 'sid/')}`;
const PROVIDER = { npi: '1234567893', localId: LONG(20, 'PRV-'), familyName: LONG(60, 'Ibáñez-Muñoz '), givenName: LONG(60, 'María-José ') };
const DOC = '7a2d0e3f-0000-4000-8000-00000000beef';
const PARENT = '6f1c9d2e-0000-4000-8000-00000000abcd';

function longInput(fixture: FixtureOptions = {}, overrides: Partial<MdmInput> = {}): MdmInput {
  const detail = encounterDetail({ familyName: LONG(100, "O'Connor-Ñúñez "), givenName: LONG(100, 'Anne-Marie Zoë '), visitNumber: LONG(40, 'V-2026-'), ...fixture });
  return {
    detail: { ...detail, patient: { ...detail.patient, mrn: LONG(32, 'GOLD-0001-') }, encounter: { ...detail.encounter, location: LONG(80, 'PAIN-PROC-ROOM-') } },
    documentNumber: documentNumberOf(DOC), fileName: `${documentNumberOf(DOC)}.pdf`,
    pdfBase64: Buffer.from(FAKE_PDF_BYTES).toString('base64'), generatedAt: '2026-11-24T15:12:30.000Z',
    signature: { by: PHYSICIAN, at: '2026-11-24T15:10:00.000Z' },
    amendment: { kind: 'replace', parentDocumentNumber: documentNumberOf(PARENT), reason: 'Addendum 12 added' },
    settings: SETTINGS, now: () => '2026-11-24T15:13:00.000Z', messageControlId: messageControlIdOf(DOC),
    identity: {
      providerOf: (actor: Actor) => (actor.name === PHYSICIAN.name ? PROVIDER : null),
      providerIdSystem: SYSTEM, visitNumberSystem: SYSTEM, mrnSystem: SYSTEM, sendingFacility: SETTINGS.sendingFacility, receivingFacility: SETTINGS.receivingFacility,
    },
    ...overrides,
  };
}

describe('HL7 v2.5.1 field lengths (issue 19)', () => {
  it('the table names its source and holds the maxima the issue measured against', () => {
    expect(HL7_251_MAX_LENGTHS.MSH![10]).toBe(20);
    expect(HL7_251_MAX_LENGTHS.TXA).toMatchObject({ 2: 30, 12: 30, 13: 30, 16: 30, 21: 30 });
    expect(OBX5_MAX_LENGTH).toBe(99_999);
  });

  it('document numbers and control ids fit and are stable per document', () => {
    expect(documentNumberOf(DOC)).toHaveLength(25);
    expect(documentNumberOf(DOC)).toBe(documentNumberOf(DOC.toUpperCase()));
    expect(documentNumberOf(DOC)).not.toBe(documentNumberOf(PARENT));
    expect(messageControlIdOf(DOC)).toHaveLength(20);
    // Ids alike in their high bits (sequential, or time-ordered) still get different control ids.
    expect(messageControlIdOf('00000000-0000-4000-8000-000000000007')).not.toBe(messageControlIdOf('00000000-0000-4000-8000-000000000019'));
    expect(documentNumberOf('00000000-0000-4000-8000-000000000000')).toHaveLength(25);
    expect(documentNumberOf('ffffffff-ffff-4fff-bfff-ffffffffffff')).toHaveLength(25);
    expect(() => documentNumberOf('not-a-uuid')).toThrow(/UUID/);
  });

  it('every field of every case, built with the longest values the contract allows, is within the table', () => {
    const cases: [string, FixtureOptions, Partial<MdmInput>][] = [
      ['signed, discharged, replacing', {}, {}],
      ['unsigned draft', { state: 'procedure' }, { signature: null, amendment: null }],
      ['declined', { decision: 'declines' }, {}],
      ['cancelled', { state: 'cancelled', cancelledFrom: 'pre-procedure', cancelReason: LONG(500, 'Took apixaban; ') }, {}],
      ['no consent saved', { noConsent: true }, { amendment: null }],
      ['HL7-style ED, training', {}, { settings: { ...SETTINGS, edFormat: 'hl7', processingId: 'T' } }],
    ];
    for (const [what, fixture, overrides] of cases) {
      const message = buildMdmT02(longInput(fixture, overrides));
      expect(fieldLengthProblems(message), what).toEqual([]);
      expect(Hl7Message.parse(message).segments.map((s) => s.name), what).toEqual(['MSH', 'EVN', 'PID', 'PV1', 'TXA', 'OBX']);
    }
  });

  it('the check can fail: an over-long field is named with its length and maximum', () => {
    expect(fieldLengthProblems('MSH|^~\\&|A|B|C|D|20261124151300+0000||MDM^T02^MDM_T02|012345678901234567890|P|2.5.1')).toEqual([{ field: 'MSH-10', length: 21, max: 20 }]);
    expect(fieldLengthProblems(`TXA|1|PN||||||||||${'X'.repeat(31)}`)).toEqual([{ field: 'TXA-12', length: 31, max: 30 }]);
    expect(fieldLengthProblems('TXA|1|PN|||||||||||||||||||||||extra')).toEqual([{ field: 'TXA-25', length: 5, max: 0 }]);
    expect(() => buildMdmT02(longInput({}, { messageControlId: 'X'.repeat(21) }))).toThrow(/MSH-10 is 21 characters \(max 20\)/);
    expect(() => buildMdmT02(longInput({}, { documentNumber: 'X'.repeat(31) }))).toThrow(/TXA-12 is 31 characters \(max 30\)/);
  });

  it('a PDF over OBX-5 embedded is split into OBX segments each within 99,999 that join to the PDF; referenced, OBX-5 is an RP', () => {
    const bytes = Buffer.from(Array.from({ length: 230_000 }, (_, i) => (i * 131 + (i >> 7)) % 256));
    const big = bytes.toString('base64'); // 306,668 characters of base64: four fragments
    expect(edFragments(Buffer.from(FAKE_PDF_BYTES).toString('base64'), 'mime')).toHaveLength(1);
    for (const edFormat of ['mime', 'hl7'] as const) {
      const message = buildMdmT02(longInput({}, { pdfBase64: big, settings: { ...SETTINGS, edFormat } }));
      expect(fieldLengthProblems(message)).toEqual([]);
      const parsed = Hl7Message.parse(message);
      const obx = parsed.segments.filter((s) => s.name === 'OBX');
      expect(obx).toHaveLength(4);
      expect(obx.map((s) => s.getField(1).toString())).toEqual(['1', '2', '3', '4']);
      expect(new Set(obx.map((s) => `${s.getField(2).toString()}|${s.getField(3).toString()}|${s.getField(4).toString()}`)).size).toBe(1);
      expect(obx[0]!.getField(4).toString()).toBe('1');
      // Each fragment is whole base64 (a multiple of 4 but the last), so the data joins back to the very bytes.
      expect(obx.slice(0, -1).every((s) => s.getComponent(5, 5).length % 4 === 0 && s.getField(5).toString().length <= 99_999)).toBe(true);
      expect(Buffer.from(obx.map((s) => s.getComponent(5, 5)).join(''), 'base64').equals(bytes)).toBe(true);
    }
    // One character over the maximum makes two fragments; exactly at it, one.
    const prefix = '^application^pdf^Base64^'.length;
    const atMax = 'A'.repeat(Math.floor((99_999 - prefix) / 4) * 4);
    expect(edFragments(atMax, 'mime')).toHaveLength(1);
    expect(edFragments(`${atMax}AAAA`, 'mime').map((f) => f.length)).toEqual([prefix + atMax.length, prefix + 4]);
    const pointer = `20261124T151230000Z_consent-note_GOLD-0001_2026-11-24_${documentNumberOf(DOC)}.pdf`;
    const referenced = buildMdmT02(longInput({}, { pdfBase64: big, settings: { ...SETTINGS, pdf: { mode: 'referenced', pointer, baseUri: 'file:///srv/outbox/' } } }));
    expect(fieldLengthProblems(referenced)).toEqual([]);
    const obx = Hl7Message.parse(referenced).getSegment('OBX')!;
    expect(obx.getField(2).toString()).toBe('RP');
    expect(obx.getComponent(5, 1)).toBe(pointer);
    expect(obx.getField(5).toString()).toBe(`${pointer}^${SETTINGS.sendingApplication}&file:///srv/outbox/&URI^application^pdf`);
  });
});

describe('when the discussion happened (Consent.dateTime, TXA-4)', () => {
  const base = encounterDetail();
  const consent = base.consent!;
  const sig = (signer: 'patient' | 'witness', at: string, voided = false) => ({
    id: `s-${signer}-${at}`, encounterId: base.encounter.id, signer, signerName: 'X', method: 'paper' as const, imagePngBase64: null, at, by: PHYSICIAN,
    voided: voided ? { reason: 'wrong', at, by: PHYSICIAN } : null,
  });

  it('is the recorded discussion time, else the patient signature, else the last save', () => {
    expect(discussionTime(base)).toBe(consent.discussedAt);
    const undated = { ...base, consent: { ...consent, discussedAt: null } };
    expect(discussionTime({ ...undated, signatures: [sig('witness', '2026-11-24T14:01:00.000Z'), sig('patient', '2026-11-24T14:05:00.000Z', true), sig('patient', '2026-11-24T14:09:00.000Z')] }))
      .toBe('2026-11-24T14:09:00.000Z');
    expect(discussionTime({ ...undated, signatures: [] })).toBe(consent.updatedAt);
    expect(discussionTime({ ...base, consent: null })).toBeNull();
    expect(ESI.id).toBeTruthy();
  });
});
