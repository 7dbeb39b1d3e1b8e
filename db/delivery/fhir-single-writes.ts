/**
 * The note's transaction Bundle written one resource at a time, for a server that takes no
 * transaction (its CapabilityStatement lists none) or refuses this one as too large. The Bundle's
 * entries are already in dependency order (Organization, Practitioner, Patient, DocumentReference,
 * Consent, Procedure, QuestionnaireResponse, Provenance). Each write is idempotent, so a write cut
 * short is simply done again: creates are conditional (If-None-Exist, FHIR R4 http.html §3.1.0.8.1;
 * the Provenance on its target), updates are conditional PUTs on identifiers (§3.1.0.4.3).
 * References are what a transaction would resolve (§3.1.0.11.2): an entry's urn:uuid becomes the
 * server's Type/id, a conditional reference (Type?identifier=…) is searched for; a reference to an
 * entry written later (the DocumentReference's related Consent) is left out and put in by an update
 * once that entry has its id.
 */
import type { FhirClient, FhirAnswer } from './fhir-client';
import { serverIdOf } from './fhir-client';
import { FhirUnreachableError } from './fhir-auth';

type Json = Record<string, unknown>;
export interface TransactionEntry {
  fullUrl?: string;
  resource?: Json & { resourceType: string };
  request: { method: 'POST' | 'PUT' | 'PATCH'; url: string; ifNoneExist?: string };
}

/** The server answered no (4xx): its words, and which entry. */
export class FhirRefusal extends Error {
  constructor(readonly answer: FhirAnswer, readonly what: string) {
    super(`${what} refused`);
    this.name = 'FhirRefusal';
  }
}

const DROP = Symbol('drop');

/** Each Reference through `map` (null: leave it out); arrays and objects left empty go too. */
function rewrite(value: unknown, map: (ref: Json) => Json | null): unknown {
  if (Array.isArray(value)) {
    const kept = value.map((v) => rewrite(v, map)).filter((v) => v !== DROP);
    return kept.length ? kept : DROP;
  }
  if (value && typeof value === 'object') {
    const object = value as Json;
    if (typeof object.reference === 'string') return map(object) ?? DROP;
    const out: Json = {};
    for (const [k, v] of Object.entries(object)) {
      const r = rewrite(v, map);
      if (r !== DROP) out[k] = r;
    }
    return Object.keys(out).length ? out : DROP;
  }
  return value;
}

function references(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => references(v, into));
  else if (value && typeof value === 'object') {
    const object = value as Json;
    if (typeof object.reference === 'string') into.push(object.reference);
    else Object.values(object).forEach((v) => references(v, into));
  }
  return into;
}

const CONDITIONAL = /^([A-Z][A-Za-z]+)\?(.+)$/;

/** 2xx passes; 5xx, 408 and 429 are worth another try later; any other answer is the server's no. */
export function check(answer: FhirAnswer, what: string): FhirAnswer {
  if (answer.status >= 500) throw new FhirUnreachableError(`${what}: HTTP ${answer.status}`);
  if (answer.status === 408 || answer.status === 429) throw new FhirUnreachableError(`${what}: HTTP ${answer.status} (try later)`);
  if (answer.status < 200 || answer.status >= 300) throw new FhirRefusal(answer, what);
  return answer;
}

/** The server's Type/id for a conditional reference: one match, or none (kept as an identifier), never a guess among several. */
async function searchOne(client: FhirClient, type: string, query: string): Promise<string | null> {
  const answer = check(await client.request('GET', `${type}?${query}`), `searching ${type}?${query}`);
  const entries = Array.isArray(answer.body?.entry) ? (answer.body.entry as { resource?: Json; search?: { mode?: string } }[]) : [];
  const matches = entries.filter((e) => e.resource?.resourceType === type && e.search?.mode !== 'include');
  if (matches.length > 1) throw new FhirRefusal({ status: 412, body: null, location: null }, `${type}?${decodeURIComponent(query)} matches ${matches.length} resources at the server`);
  return matches.length === 1 ? `${type}/${String(matches[0]!.resource!.id)}` : null;
}

/** `identifier=system|value` as a logical reference, for a conditional reference that matched nothing. */
function identifierOf(query: string): Json | null {
  const m = /^identifier=([^&]+)$/.exec(query);
  if (!m) return null;
  const [system, ...value] = decodeURIComponent(m[1]!).split('|');
  return value.length ? { system, value: value.join('|') } : null;
}

export interface SingleWritesResult {
  /** `DocumentReference/<id>` at the server, when the Bundle had one. */
  documentReference: string | null;
  /** True when the server already had the document (its conditional create matched). */
  alreadyThere: boolean;
}

export async function writeOneByOne(client: FhirClient, entries: TransactionEntry[]): Promise<SingleWritesResult> {
  const ids = new Map<string, string>();
  const found = new Map<string, string | null>();
  const later: { entry: TransactionEntry; id: string }[] = [];
  let result: SingleWritesResult = { documentReference: null, alreadyThere: false };

  const resolved = async (resource: Json, allowPending: boolean): Promise<{ resource: Json; pending: boolean }> => {
    for (const ref of references(resource)) {
      const m = CONDITIONAL.exec(ref);
      if (m && !found.has(ref)) found.set(ref, await searchOne(client, m[1]!, m[2]!));
    }
    let pending = false;
    const out = rewrite(resource, (r) => {
      const ref = r.reference as string;
      if (ids.has(ref)) return { ...r, reference: ids.get(ref) };
      if (found.has(ref)) {
        const id = found.get(ref);
        if (id) return { ...r, reference: id };
        const identifier = identifierOf(CONDITIONAL.exec(ref)![2]!);
        const { reference: _r, ...rest } = r;
        return identifier ? { ...rest, identifier } : Object.keys(rest).length ? rest : null;
      }
      if (ref.startsWith('urn:uuid:')) {
        if (!allowPending) throw new Error(`the Bundle refers to ${ref}, which is none of its entries`);
        pending = true;
        return null;
      }
      return r;
    }) as Json;
    return { resource: out, pending };
  };

  for (const entry of entries) {
    const { request } = entry;
    // A PATCH's resource is the Binary holding the patch; what it changes is the type in its URL.
    const type = request.method !== 'PATCH' && entry.resource ? entry.resource.resourceType : request.url.split(/[/?]/)[0]!;
    const { resource, pending } = entry.resource ? await resolved(entry.resource, true) : { resource: undefined, pending: false };
    const headers: Record<string, string> = {};
    let body: unknown = resource;
    if (request.method === 'POST' && request.ifNoneExist) headers['if-none-exist'] = request.ifNoneExist;
    // A Provenance has no identifier of its own: one per target document, so a repeat adds none.
    if (request.method === 'POST' && !request.ifNoneExist && type === 'Provenance') {
      const target = references(resource)[0];
      if (target) headers['if-none-exist'] = `target=${encodeURIComponent(target)}`;
    }
    if (request.method === 'PATCH' && resource?.resourceType === 'Binary') {
      headers['content-type'] = typeof resource.contentType === 'string' ? resource.contentType : 'application/json-patch+json';
      body = Buffer.from(typeof resource.data === 'string' ? resource.data : '', 'base64').toString('utf8');
    }
    const what = `${request.method} ${request.url.split('?')[0]}`;
    const answer = check(await client.request(request.method, request.method === 'POST' ? type : request.url, { body, headers }), what);
    const id = serverIdOf(answer, type);
    if (entry.fullUrl && id) ids.set(entry.fullUrl, id);
    if (type === 'DocumentReference' && request.method === 'POST') result = { documentReference: id, alreadyThere: answer.status === 200 };
    if (pending && id) later.push({ entry, id });
  }

  // The references left out (to entries written after this one), now that every entry has its id.
  for (const { entry, id } of later) {
    const { resource } = await resolved(entry.resource!, false);
    check(await client.request('PUT', id, { body: { ...resource, id: id.split('/')[1] } }), `PUT ${id.split('/')[0]} (its references)`);
  }
  return result;
}
