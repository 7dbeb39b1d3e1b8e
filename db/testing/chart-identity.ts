/**
 * What a clinic sets before its notes can go to the chart (issue 19), for tests: the receiver's MRN
 * system, the clinic's Organization and identifier systems; and the NPI test physicians carry.
 * 1234567893 is CMS's worked check-digit example (a valid NPI by its check digit, issued to no one).
 */
import type { InteropSettings } from '#shared/contract/settings';
import { DEFAULT_INTEROP_SETTINGS } from '#shared/contract/settings';
import type { ProviderIdentity } from '#shared/contract/users-provider';

export const TEST_NPI = '1234567893';

export const TEST_INTEROP: InteropSettings = {
  ...DEFAULT_INTEROP_SETTINGS,
  mrnSystem: 'urn:oid:2.16.840.1.113883.19.5',
  organization: { name: 'Riverside Pain Clinic', system: 'urn:oid:2.16.840.1.113883.19.7', value: 'RPC-01' },
  providerIdSystem: 'urn:oid:2.16.840.1.113883.19.7.1',
  visitNumberSystem: 'urn:oid:2.16.840.1.113883.19.5.2',
};

/** Settings for settings.update beside the outbox folder. */
export const CHART_READY = { interop: TEST_INTEROP } as const;

/** A test physician's identifiers: the test NPI and the name (an honorific dropped) split at its last space. */
export function testProvider(displayName: string): ProviderIdentity {
  const words = displayName.trim().replace(/^Dra?\.?\s+/i, '').split(/\s+/);
  const familyName = words.length > 1 ? words.pop()! : displayName;
  return { npi: TEST_NPI, localId: null, familyName, givenName: words.join(' ') || familyName };
}
