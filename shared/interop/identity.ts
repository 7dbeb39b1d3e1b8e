/**
 * Who and where, as the receiving chart matches them (issue 19): the clinicians' NPI and local
 * ids, the clinic's Organization and the identifier systems the site configured. Both builders
 * (FHIR and HL7) read them from here, so the two exports name the same people the same way.
 */
import type { Actor } from '../contract/common';
import type { ProviderIdentity } from '../contract/users-provider';
import type { Organization } from '../contract/settings';
import type { Identifier } from './fhir-resources';

/** The NPI's identifier system in FHIR (US Core Practitioner; hl7.org/fhir/sid/us-npi). */
export const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';
/** The NPI's OID (HL7 OID registry 2.16.840.1.113883.4.6, CMS NPPES): HL7 v2 HD universal id for XCN.9. */
export const NPI_OID = '2.16.840.1.113883.4.6';

export interface ExportIdentity {
  /** The clinic: DocumentReference.custodian, Provenance agent onBehalfOf. */
  organization: Organization;
  /** The provider identifiers of a person the note names (by the account's unique display name), or null. */
  providerOf: (actor: Actor) => ProviderIdentity | null;
  /** Practitioner.identifier.system / XCN.9 for local provider ids; null when the clinic uses NPIs only. */
  providerIdSystem: string | null;
  /** The system of the EHR's visit numbers (Encounter.identifier, PV1-19's authority); null if not set. */
  visitNumberSystem: string | null;
}

/** A person's identifiers, NPI first (receivers in the US match on it), then the local id if its system is known. */
export function providerIdentifiers(provider: ProviderIdentity | null, localSystem: string | null): Identifier[] {
  if (!provider) return [];
  return [
    ...(provider.npi ? [{ system: NPI_SYSTEM, value: provider.npi }] : []),
    ...(provider.localId && localSystem ? [{ system: localSystem, value: provider.localId }] : []),
  ];
}

/**
 * An identifier system URI as the HD data type's universal id and its type (HL7 v2.5.1 §2.A.33,
 * table 0301): `urn:oid:<oid>` → the OID with type ISO; any other URI whole with type URI.
 */
export function universalId(system: string): { id: string; type: 'ISO' | 'URI' } {
  const oid = /^urn:oid:([0-9.]+)$/i.exec(system);
  return oid ? { id: oid[1]!, type: 'ISO' } : { id: system, type: 'URI' };
}
