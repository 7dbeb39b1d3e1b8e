/**
 * The Bundle's people and clinic as resources a receiver can resolve (issue 19): one Practitioner
 * per person the note names who has an NPI or local id, and the clinic's Organization, each created
 * only if absent (conditional create by identifier, FHIR R4 §3.1.0.8.1 / http.html#ccreate), so the
 * author, authenticator, custodian and Provenance agents are references to entries of the same
 * transaction, never display text only. A person without identifiers stays a display (the outbox
 * refuses a signer without one before it gets here). And the visit: DocumentReference.context by the
 * EHR's visit number.
 */
import type { Actor } from '../contract/common';
import type { EncounterDetail } from '../contract/encounter';
import { oneLine } from '../contract/text-rules';
import { toInstant } from './encoding';
import { transitionInto } from './fhir-mappings';
import type { BundleEntry, Identifier, Reference } from './fhir-resources';
import { providerIdentifiers, type ExportIdentity } from './identity';

export function conditional(identifier: Identifier): string {
  return `identifier=${encodeURIComponent(`${identifier.system}|${identifier.value}`)}`;
}

export interface IdentityEntries {
  /** Organization and Practitioner entries, to go first in the transaction. */
  entries: BundleEntry[];
  /** A person as a reference: to their Practitioner entry when they have one, else a display. */
  who: (actor: Actor) => Reference;
  /** The Organization's reference, or null when no identity was given. */
  organization: Reference | null;
}

export function identityEntries(identity: ExportIdentity | undefined, people: Actor[], urn: (what: string) => string): IdentityEntries {
  const display = (actor: Actor) => oneLine(`${actor.name} (${actor.role})`);
  if (!identity) return { entries: [], who: (actor) => ({ display: display(actor) }), organization: null };
  const entries: BundleEntry[] = [];
  const orgIdentifier: Identifier = { system: identity.organization.system, value: identity.organization.value };
  const orgUrl = urn('Organization');
  entries.push({
    fullUrl: orgUrl,
    resource: { resourceType: 'Organization', identifier: [orgIdentifier], active: true, name: oneLine(identity.organization.name) },
    request: { method: 'POST', url: 'Organization', ifNoneExist: conditional(orgIdentifier) },
  });

  const byName = new Map<string, Reference>();
  for (const actor of people) {
    if (byName.has(actor.name)) continue;
    const provider = identity.providerOf(actor);
    const identifiers = providerIdentifiers(provider, identity.providerIdSystem);
    if (!provider || !identifiers.length) {
      byName.set(actor.name, { display: display(actor) });
      continue;
    }
    const url = urn('Practitioner');
    entries.push({
      fullUrl: url,
      resource: {
        resourceType: 'Practitioner',
        identifier: identifiers,
        name: [{ family: oneLine(provider.familyName), given: [oneLine(provider.givenName)], text: oneLine(actor.name) }],
      },
      // Matched on the first identifier (the NPI when there is one): a receiver that knows the person keeps its record.
      request: { method: 'POST', url: 'Practitioner', ifNoneExist: conditional(identifiers[0]!) },
    });
    byName.set(actor.name, { reference: url, display: display(actor) });
  }
  return { entries, who: (actor) => byName.get(actor.name) ?? { display: display(actor) }, organization: { reference: orgUrl, display: oneLine(identity.organization.name) } };
}

/**
 * DocumentReference.context (US Core must-support): the visit as a conditional reference to the receiver's
 * Encounter by the EHR's visit number (FHIR R4 transaction §3.1.0.11.2 resolves `Encounter?identifier=…`),
 * and the period from the procedure's start to its end (the encounter's transitions), where known.
 */
export function visitContext(detail: EncounterDetail, visitSystem: string | null): { encounter?: Reference[]; period?: { start?: string; end?: string } } {
  const { visitNumber } = detail.encounter;
  const start = transitionInto(detail.transitions, 'procedure');
  const end = start ? detail.transitions.find((t) => t.from === 'procedure' && t.seq > start.seq) : undefined;
  return {
    ...(visitNumber && visitSystem ? { encounter: [{ reference: `Encounter?${conditional({ system: visitSystem, value: visitNumber })}`, display: `Visit ${visitNumber}` }] } : {}),
    ...(start ? { period: { start: toInstant(start.at, 'the procedure start'), ...(end ? { end: toInstant(end.at, 'the procedure end') } : {}) } } : {}),
  };
}
