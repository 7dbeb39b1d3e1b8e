/**
 * A replacement that the receiver can act on (issue 19 point 3): the new DocumentReference's
 * `relatesTo` names the earlier one by a conditional reference on its identifier (FHIR R4
 * http.html#trules, conditional references in a transaction; the identifier kept beside it), and
 * the same transaction sets the earlier one to `superseded` with a conditional PATCH by identifier
 * (R4 http.html#patch, and http.html#transaction: a PATCH entry's resource is a Binary holding a
 * JSON Patch). So the receiver never holds two "current" documents for one note, and a replacement
 * cannot land without its parent: if the parent is not there, the transaction fails as a whole.
 * Replaying it is harmless: `replace` on status is idempotent.
 */
import { asciiToBase64 } from './encoding';
import { conditional } from './fhir-identity';
import type { BundleEntry, FhirBinary, Identifier, Reference } from './fhir-resources';

/** `relatesTo` of the replacing document: resolvable (conditional) and, for readers that do not resolve, the identifier. */
export function replacesRelation(earlier: Identifier): { code: 'replaces'; target: Reference }[] {
  return [{ code: 'replaces', target: { reference: `DocumentReference?${conditional(earlier)}`, identifier: earlier } }];
}

/** The transaction entry that marks the earlier document superseded. */
export function supersedeEntry(earlier: Identifier, fullUrl: string): BundleEntry<FhirBinary> {
  const patch = [{ op: 'replace', path: '/status', value: 'superseded' }];
  return {
    fullUrl,
    resource: { resourceType: 'Binary', contentType: 'application/json-patch+json', data: asciiToBase64(JSON.stringify(patch)) },
    request: { method: 'PATCH', url: `DocumentReference?${conditional(earlier)}` },
  };
}
