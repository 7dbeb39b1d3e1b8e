/**
 * 019 (issue 19): who signs, and which visit, as the receiving chart knows them.
 * Accounts gain the NPI and/or a local provider id with the family and given name that
 * HL7 XCN and FHIR Practitioner carry; an encounter gains the EHR's visit (account)
 * number and the location, typed at creation until the schedule import fills them.
 * Plain added columns, null on every existing row: nothing to rewrite.
 */
import type { Migration } from './types';

export const migration019: Migration = {
  version: 19,
  name: 'provider-identity-visit',
  up: `
    ALTER TABLE users ADD COLUMN npi TEXT CHECK (npi IS NULL OR (length(npi) = 10 AND npi NOT GLOB '*[^0-9]*'));
    ALTER TABLE users ADD COLUMN provider_local_id TEXT CHECK (provider_local_id IS NULL OR length(provider_local_id) BETWEEN 1 AND 20);
    ALTER TABLE users ADD COLUMN provider_family_name TEXT;
    ALTER TABLE users ADD COLUMN provider_given_name TEXT;
    ALTER TABLE encounters ADD COLUMN visit_number TEXT CHECK (visit_number IS NULL OR length(visit_number) BETWEEN 1 AND 40);
    ALTER TABLE encounters ADD COLUMN location TEXT CHECK (location IS NULL OR length(location) BETWEEN 1 AND 80);
  `,
};
