// HL7 v2.5.1 MDM^T02 (and T10/T06 for amended notes) with the PDF in OBX-5, read
// back with @medplum/core's Hl7Message parser: the segments are exactly the
// expected ones, the identifiers and accented names come back intact after
// unescaping, hostile text cannot add a segment or a field, and OBX-5 decodes to
// the very bytes of the PDF.
import { Hl7Message } from '@medplum/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMdmT02, escapeHl7, hl7DateTime, mdmEvent, unescapeHl7, type MdmInput } from './hl7-mdm';
import { documentNumberOf } from './document-number';
import { encounterDetail, FAKE_PDF_BYTES, PHYSICIAN, type FixtureOptions } from './test-fixtures';

const PDF_BASE64 = Buffer.from(FAKE_PDF_BYTES).toString('base64');
const SETTINGS = {
  sendingApplication: 'PROCEDUREDESK',
  sendingFacility: 'PAIN CLINIC',
  receivingApplication: 'EHR',
  receivingFacility: 'HOSP',
  mrnAssigningAuthority: 'HOSP',
};
const DOC = documentNumberOf('7a2d0e3f-0000-4000-8000-00000000beef');

function input(fixture: FixtureOptions = {}, overrides: Partial<MdmInput> = {}): MdmInput {
  return {
    detail: encounterDetail(fixture),
    documentNumber: DOC,
    pdfBase64: PDF_BASE64,
    generatedAt: '2026-11-24T15:12:30.000Z',
    signature: { by: PHYSICIAN, at: '2026-11-24T15:10:00.000Z' },
    settings: SETTINGS,
    now: () => '2026-11-24T15:13:00.000Z',
    messageControlId: 'PD-000001',
    ...overrides,
  };
}

function parse(message: string) {
  const parsed = Hl7Message.parse(message);
  const seg = (name: string) => {
    const s = parsed.getSegment(name);
    if (!s) throw new Error(`no ${name} segment`);
    return s;
  };
  return { parsed, seg };
}

describe('escapeHl7 / unescapeHl7', () => {
  it('escapes each delimiter, the escape character and line breaks', () => {
    expect(escapeHl7('a|b')).toBe('a\\F\\b');
    expect(escapeHl7('a^b')).toBe('a\\S\\b');
    expect(escapeHl7('a&b')).toBe('a\\T\\b');
    expect(escapeHl7('a~b')).toBe('a\\R\\b');
    expect(escapeHl7('a\\b')).toBe('a\\E\\b');
    expect(escapeHl7('line 1\r\nline 2\ttab')).toBe('line 1\\X0D\\\\X0A\\line 2\\X09\\tab');
    expect(escapeHl7('\\F\\')).toBe('\\E\\F\\E\\');
  });

  it('leaves accented letters and other text alone', () => {
    for (const name of ['Peña', 'María José', 'Núñez Ávila', 'Günter Ødegård', 'Ñandú', "O'Brien-Smith", '张伟']) {
      expect(escapeHl7(name)).toBe(name);
    }
  });

  it('round-trips any text, and what it writes holds no delimiter or control character outside an escape', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 40 }), (a, b) => {
      for (const text of [a, b, `${a}|^&~\\\r\n${b}`]) {
        const escaped = escapeHl7(text);
        expect(unescapeHl7(escaped)).toBe(text);
        const outside = escaped.replace(/\\(?:[EFSTR]|X[0-9A-F]{2})\\/g, '');
        expect(outside).not.toMatch(/[|^&~\\\r\n]/);
        // eslint-disable-next-line no-control-regex
        expect(outside).not.toMatch(/[\x00-\x1f\x7f]/);
      }
    }), { numRuns: 500 });
  });

  it('reads \\.br\\ as a line break and leaves unknown escapes as they are', () => {
    expect(unescapeHl7('a\\.br\\b')).toBe('a\nb');
    expect(unescapeHl7('a\\H\\b\\N\\')).toBe('a\\H\\b\\N\\');
  });
});

describe('MDM^T02', () => {
  it('parses with a standard HL7 v2 parser: exactly MSH EVN PID PV1 TXA OBX, MSH-9 MDM^T02, the MRN, the accented name', () => {
    const message = buildMdmT02(input());
    const segments = message.split('\r');
    expect(segments.map((s) => s.slice(0, 3))).toEqual(['MSH', 'EVN', 'PID', 'PV1', 'TXA', 'OBX']);
    expect(message).not.toMatch(/\n/);

    const { parsed, seg } = parse(message);
    expect(parsed.segments.map((s) => s.name)).toEqual(['MSH', 'EVN', 'PID', 'PV1', 'TXA', 'OBX']);
    const msh = seg('MSH');
    expect(msh.getField(1).toString()).toBe('|');
    expect(msh.getField(2).toString()).toBe('^~\\&');
    expect(msh.getField(3).toString()).toBe('PROCEDUREDESK');
    expect(msh.getField(4).toString()).toBe('PAIN CLINIC');
    expect(msh.getField(5).toString()).toBe('EHR');
    expect(msh.getField(6).toString()).toBe('HOSP');
    expect(msh.getField(7).toString()).toBe('20261124151300+0000');
    expect(msh.getField(9).toString()).toBe('MDM^T02^MDM_T02');
    expect([msh.getComponent(9, 1), msh.getComponent(9, 2)]).toEqual(['MDM', 'T02']);
    expect(msh.getField(10).toString()).toBe('PD-000001');
    expect(msh.getField(11).toString()).toBe('P');
    expect(msh.getField(12).toString()).toBe('2.5.1');
    expect(msh.getField(18).toString()).toBe('UNICODE UTF-8');

    expect(seg('EVN').getField(1).toString()).toBe('T02');
    expect(seg('EVN').getField(2).toString()).toBe('20261124151300+0000');

    const pid = seg('PID');
    expect(pid.getComponent(3, 1)).toBe('MRN-0042');
    expect(pid.getComponent(3, 4)).toBe('HOSP');
    expect(pid.getComponent(3, 5)).toBe('MR');
    expect(unescapeHl7(pid.getComponent(5, 1))).toBe('Peña');
    expect(unescapeHl7(pid.getComponent(5, 2))).toBe('María José');
    expect(pid.getField(7).toString()).toBe('19700517');
    expect(pid.getField(8).toString()).toBe('F');

    expect(seg('PV1').getField(2).toString()).toBe('O');

    const txa = seg('TXA');
    expect(txa.getField(2).toString()).toBe('PN^Procedure note^HL70270');
    expect(txa.getField(3).toString()).toBe('AP');
    // TXA-4: when the discussion happened, not when the record was last saved.
    expect(txa.getField(4).toString()).toBe(hl7DateTime(encounterDetail().consent!.discussedAt!));
    expect(encounterDetail().consent!.discussedAt).not.toBe(encounterDetail().consent!.updatedAt);
    expect(unescapeHl7(txa.getComponent(5, 2))).toBe(PHYSICIAN.name);
    expect(txa.getField(6).toString()).toBe('20261124151230+0000');
    expect(unescapeHl7(txa.getComponent(9, 2))).toBe(PHYSICIAN.name);
    expect(unescapeHl7(txa.getComponent(10, 2))).toBe(PHYSICIAN.name);
    expect(txa.getField(12).toString()).toBe(DOC);
    expect(txa.getField(13).toString()).toBe('');
    expect(txa.getField(17).toString()).toBe('AU');
    expect(txa.getField(19).toString()).toBe('AV');
    expect(unescapeHl7(txa.getComponent(22, 2))).toBe(PHYSICIAN.name);
    expect(txa.getComponent(22, 15)).toBe('20261124151000+0000');

    const obx = seg('OBX');
    expect(obx.getField(1).toString()).toBe('1');
    expect(obx.getField(2).toString()).toBe('ED');
    expect(obx.getField(3).toString()).toBe('59284-0^Consent Document^LN');
    expect([obx.getComponent(5, 1), obx.getComponent(5, 2), obx.getComponent(5, 3), obx.getComponent(5, 4)]).toEqual(['', 'application', 'pdf', 'Base64']);
    expect(new Uint8Array(Buffer.from(obx.getComponent(5, 5), 'base64'))).toEqual(FAKE_PDF_BYTES);
    expect(obx.getField(11).toString()).toBe('F');
  });

  it('hostile names cannot add segments, fields or components, and come back exact', () => {
    const family = 'Peña^Smith & Co|EVIL~x\\y\r\nOBX|2|TX|||pwned';
    const given = 'Ana^María&José\rEVN|T99';
    const hostileActor = { name: 'Dr Ñ^&|~\\ Ávila', role: 'physician' as const };
    const message = buildMdmT02(input(
      { familyName: family, givenName: given },
      { signature: { by: hostileActor, at: '2026-11-24T15:10:00.000Z' }, amendment: { kind: 'replace', parentDocumentNumber: 'old|doc^1', reason: 'L5 & ~ x\r\n' } },
    ));
    expect(message.split('\r')).toHaveLength(6);
    const { parsed, seg } = parse(message);
    expect(parsed.segments.map((s) => s.name)).toEqual(['MSH', 'EVN', 'PID', 'PV1', 'TXA', 'OBX']);
    const pid = seg('PID');
    expect(pid.fields).toHaveLength(9); // name + PID-1 … PID-8
    expect(pid.getField(5).components).toHaveLength(1);
    expect(pid.getField(5).components[0]).toHaveLength(2);
    expect(unescapeHl7(pid.getComponent(5, 1))).toBe(family);
    expect(unescapeHl7(pid.getComponent(5, 2))).toBe(given);
    const txa = seg('TXA');
    expect(txa.fields).toHaveLength(23);
    expect(unescapeHl7(txa.getComponent(5, 2))).toBe(hostileActor.name);
    expect(unescapeHl7(txa.getComponent(22, 2))).toBe(hostileActor.name);
    expect(unescapeHl7(txa.getComponent(13, 1))).toBe('old|doc^1');
    expect(unescapeHl7(txa.getField(21).toString())).toBe('L5 & ~ x\r\n');
    expect(new Uint8Array(Buffer.from(seg('OBX').getComponent(5, 5), 'base64'))).toEqual(FAKE_PDF_BYTES);
  });

  it('an amended note is MDM^T10 (replacement) with the parent in TXA-13; an addendum document is T06', () => {
    const replaced = parse(buildMdmT02(input({}, { documentNumber: 'doc-2', amendment: { kind: 'replace', parentDocumentNumber: 'doc-1', reason: 'Addendum added' } })));
    expect(replaced.seg('MSH').getField(9).toString()).toBe('MDM^T10^MDM_T02');
    expect(replaced.seg('EVN').getField(1).toString()).toBe('T10');
    expect(replaced.seg('TXA').getField(12).toString()).toBe('doc-2');
    expect(replaced.seg('TXA').getField(13).toString()).toBe('doc-1');
    expect(replaced.seg('TXA').getField(21).toString()).toBe('Addendum added');

    const addendum = parse(buildMdmT02(input({}, { documentNumber: 'doc-3', amendment: { kind: 'addendum', parentDocumentNumber: 'doc-1' } })));
    expect(addendum.seg('MSH').getField(9).toString()).toBe('MDM^T06^MDM_T02');
    expect(addendum.seg('TXA').getField(13).toString()).toBe('doc-1');
    expect(addendum.seg('TXA').getField(21).toString()).toBe('');
    expect([mdmEvent(null), mdmEvent({ kind: 'replace', parentDocumentNumber: 'x' }), mdmEvent({ kind: 'addendum', parentDocumentNumber: 'x' })]).toEqual(['T02', 'T10', 'T06']);
  });

  it('an unsigned note is documented, not authenticated, and its result preliminary', () => {
    const { seg } = parse(buildMdmT02(input({}, { signature: null })));
    expect(seg('TXA').getField(17).toString()).toBe('DO');
    expect(seg('TXA').getField(10).toString()).toBe('');
    expect(seg('TXA').fields).toHaveLength(20); // nothing after TXA-19: no TXA-22 authentication
    expect(seg('OBX').getField(11).toString()).toBe('P');
    // The author falls back to whoever saved the consent discussion.
    expect(unescapeHl7(seg('TXA').getComponent(9, 2))).toBe(PHYSICIAN.name);
  });

  it('settings: HL7-style ED type, the site TXA-2 code, another LOINC, training processing id', () => {
    const { seg } = parse(buildMdmT02(input({}, {
      settings: { ...SETTINGS, edFormat: 'hl7', documentType: { code: 'CONSENT', text: 'Consent form', codingSystem: 'L' }, documentTypeLoinc: '28570-0', processingId: 'T' },
    })));
    expect([seg('OBX').getComponent(5, 2), seg('OBX').getComponent(5, 3), seg('OBX').getComponent(5, 4)]).toEqual(['AP', 'PDF', 'Base64']);
    expect(seg('TXA').getField(2).toString()).toBe('CONSENT^Consent form^L');
    expect(seg('OBX').getField(3).toString()).toBe('28570-0^Procedure note^LN');
    expect(seg('MSH').getField(11).toString()).toBe('T');
  });

  it('sex codes and dates follow HL7 (table 0001; DT and DTM)', () => {
    const sexes = { female: 'F', male: 'M', other: 'O', unknown: 'U' } as const;
    for (const [sex, code] of Object.entries(sexes)) {
      const detail = encounterDetail();
      detail.patient.sex = sex as keyof typeof sexes;
      expect(parse(buildMdmT02({ ...input(), detail })).seg('PID').getField(8).toString()).toBe(code);
    }
    expect(hl7DateTime('2026-03-01T14:05:00-05:00')).toBe('20260301190500+0000');
    expect(() => hl7DateTime('2026-03-01 14:05')).toThrow();
  });

  it('is deterministic: same input, same clock, same control id → the same message', () => {
    expect(buildMdmT02(input())).toBe(buildMdmT02(input()));
  });

  it('refuses bad input', () => {
    const bad: [Partial<MdmInput>, RegExp][] = [
      [{ pdfBase64: '' }, /pdfBase64/],
      [{ pdfBase64: `${PDF_BASE64.slice(0, 76)}\r\n${PDF_BASE64.slice(76)}` }, /pdfBase64/],
      [{ messageControlId: '  ' }, /messageControlId/],
      [{ documentNumber: '' }, /TXA-12/],
      [{ amendment: { kind: 'replace', parentDocumentNumber: '' } }, /parent/],
      [{ amendment: { kind: 'replace', parentDocumentNumber: DOC } }, /itself/],
      [{ settings: { ...SETTINGS, documentTypeLoinc: 'PN' } }, /LOINC/],
      [{ now: () => 'yesterday' }, /date-time/],
    ];
    for (const [overrides, message] of bad) expect(() => buildMdmT02(input({}, overrides))).toThrow(message);
  });
});
