// Issue 19: who signed and which visit, in the MDM message, read back component by component with
// @medplum/core's Hl7Message parser. XCN (HL7 v2.5.1 §2.A.88): 1 ID, 2 family, 3 given, 9 assigning
// authority (HD §2.A.33: namespace & universal id & type), 13 identifier type; TXA-22 is PPN, the same
// plus 15 the time. CX (§2.A.14) in PID-3 and PV1-19: 1 ID, 4 assigning authority, 5 identifier type.
// (Hl7Message counts components from 1 and subcomponents from 0.)
import { Hl7Message } from '@medplum/core';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../contract/common';
import type { ProviderIdentity } from '../contract/users-provider';
import { buildMdmT02, type MdmIdentity, type MdmInput } from './hl7-mdm';
import { NPI_OID } from './identity';
import { encounterDetail, FAKE_PDF_BYTES, NURSE, PHYSICIAN, type FixtureOptions } from './test-fixtures';

const SETTINGS = { sendingApplication: 'PROCEDUREDESK', sendingFacility: 'PAIN CLINIC', receivingApplication: 'EHR', receivingFacility: 'HOSP', mrnAssigningAuthority: 'HOSP' };
const INES: ProviderIdentity = { npi: '1234567893', localId: 'PD-0042', familyName: 'Ñúñez', givenName: 'Inés' };

function identity(providers: Record<string, ProviderIdentity>, overrides: Partial<MdmIdentity> = {}): MdmIdentity {
  return {
    providerOf: (actor: Actor) => providers[actor.name] ?? null,
    providerIdSystem: 'urn:oid:2.16.840.1.113883.19.7.1',
    visitNumberSystem: 'https://ehr.example.org/visit',
    mrnSystem: 'urn:oid:2.16.840.1.113883.19.5',
    sendingFacility: 'PAIN CLINIC',
    receivingFacility: 'HOSP',
    ...overrides,
  };
}

function message(fixture: FixtureOptions = {}, overrides: Partial<MdmInput> = {}) {
  const text = buildMdmT02({
    detail: encounterDetail(fixture), documentNumber: 'DOC-7A2D0E3F', pdfBase64: Buffer.from(FAKE_PDF_BYTES).toString('base64'),
    generatedAt: '2026-11-24T15:12:30.000Z', signature: { by: PHYSICIAN, at: '2026-11-24T15:10:00.000Z' }, settings: SETTINGS,
    now: () => '2026-11-24T15:13:00.000Z', messageControlId: 'PD-000001', identity: identity({ [PHYSICIAN.name]: INES }), ...overrides,
  });
  const parsed = Hl7Message.parse(text);
  const seg = (name: string) => parsed.getSegment(name) ?? (() => { throw new Error(`no ${name}`); })();
  return { text, seg };
}

describe('HL7 MDM identity (issue 19)', () => {
  it('TXA-5, TXA-9, TXA-10 and TXA-22: the NPI, then the local id, each with family, given, assigning authority and type', () => {
    const txa = message().seg('TXA');
    for (const field of [5, 9, 10, 22]) {
      const npi = [1, 2, 3].map((c) => txa.getComponent(field, c, undefined, 0));
      expect(npi, `TXA-${field}`).toEqual(['1234567893', 'Ñúñez', 'Inés']);
      expect([0, 1, 2].map((s) => txa.getComponent(field, 9, s, 0)), `TXA-${field}.9`).toEqual(['NPI', NPI_OID, 'ISO']);
      expect(txa.getComponent(field, 13, undefined, 0), `TXA-${field}.13`).toBe('NPI');
      expect(txa.getComponent(field, 1, undefined, 1), `TXA-${field} second repetition`).toBe('PD-0042');
      expect([0, 1, 2].map((s) => txa.getComponent(field, 9, s, 1))).toEqual(['PAIN CLINIC', '2.16.840.1.113883.19.7.1', 'ISO']);
      expect(txa.getComponent(field, 13, undefined, 1)).toBe('PRN');
    }
    // PPN.15: when the physician authenticated, on each repetition.
    expect([0, 1].map((r) => txa.getComponent(22, 15, undefined, r))).toEqual(['20261124151000+0000', '20261124151000+0000']);
  });

  it('a local id without its system is not sent (no authority to read it by); the NPI still is', () => {
    const txa = message({}, { identity: identity({ [PHYSICIAN.name]: INES }, { providerIdSystem: null }) }).seg('TXA');
    expect(txa.getField(10).toString()).not.toContain('PD-0042');
    expect(txa.getComponent(10, 1)).toBe('1234567893');
  });

  it('an author with no identifiers keeps the name alone (as before), the signer is still named by id', () => {
    const txa = message({}, { author: NURSE }).seg('TXA');
    expect([txa.getComponent(5, 1), txa.getComponent(5, 2)]).toEqual(['', 'Nina Nurse']);
    expect(txa.getComponent(10, 1)).toBe('1234567893');
  });

  it('delimiters in a name or id cannot split a component: they are escaped', () => {
    const { seg } = message({}, { identity: identity({ [PHYSICIAN.name]: { ...INES, familyName: 'Ñúñez^&|~X' } }) });
    expect(seg('TXA').getComponent(10, 13)).toBe('NPI');
    expect(seg('TXA').getField(10).toString()).toContain('Ñúñez\\S\\\\T\\\\F\\\\R\\X');
  });

  it('PID-3: the MRN with its assigning authority as namespace & universal id & ISO, type MR', () => {
    const pid = message().seg('PID');
    expect(pid.getComponent(3, 1)).toBe('MRN-0042');
    expect([0, 1, 2].map((s) => pid.getComponent(3, 4, s))).toEqual(['HOSP', '2.16.840.1.113883.19.5', 'ISO']);
    expect(pid.getComponent(3, 5)).toBe('MR');
  });

  it('PV1-3 the location at the facility, PV1-19 the visit number under the EHR (a URL system is type URI)', () => {
    const pv1 = message().seg('PV1');
    expect(pv1.getComponent(2, 1)).toBe('O');
    expect([pv1.getComponent(3, 1), pv1.getComponent(3, 4)]).toEqual(['PAIN-PROC-2', 'PAIN CLINIC']);
    expect(pv1.getComponent(19, 1)).toBe('V-2026-0042');
    expect([0, 1, 2].map((s) => pv1.getComponent(19, 4, s))).toEqual(['HOSP', 'https://ehr.example.org/visit', 'URI']);
    expect(pv1.getComponent(19, 5)).toBe('VN');
  });

  it('no visit number: PV1-19 empty, nothing invented', () => {
    const pv1 = message({ visitNumber: null }).seg('PV1');
    expect(pv1.getField(19)?.toString() ?? '').toBe('');
  });
});
