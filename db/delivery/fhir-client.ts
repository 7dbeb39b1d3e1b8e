/**
 * A small FHIR R4 REST client for the delivery channel: JSON over HTTP(S) with the site's
 * Authorization header, every request bounded by the channel's timeout. A network error or a
 * timeout is FhirUnreachableError (retried later); an HTTP answer is returned whatever its status,
 * with the OperationOutcome's words (FHIR R4 http.html §3.1.0.4: errors carry an OperationOutcome).
 */
import type { FhirDeliverySettings } from '#shared/contract/delivery-settings';
import { fhirAuthorizer, FhirUnreachableError } from './fhir-auth';

export interface FhirAnswer {
  status: number;
  body: Record<string, unknown> | null;
  /** The Location header (create, conditional create, update): [base]/Type/id/_history/vid. */
  location: string | null;
}

export interface FhirClient {
  base: string;
  request(method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, options?: { body?: unknown; headers?: Record<string, string> }): Promise<FhirAnswer>;
}

export const FHIR_JSON = 'application/fhir+json';

function causeOf(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer in time';
  const cause = error instanceof Error ? (error.cause as (Error & { code?: string }) | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

export function fhirClient(settings: FhirDeliverySettings, fetchFor: typeof fetch = fetch): FhirClient {
  const timeoutMs = settings.timeoutSeconds * 1000;
  const timed = (url: string, init: RequestInit) => fetchFor(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const auth = fhirAuthorizer(settings.base, settings.auth, timed);
  const once = async (method: string, url: string, body: string | undefined, headers: Record<string, string>): Promise<Response> => {
    const authorization = await auth.header();
    try {
      return await timed(url, {
        method, body,
        headers: { accept: FHIR_JSON, ...(body !== undefined ? { 'content-type': FHIR_JSON } : {}), ...(authorization ? { authorization } : {}), ...headers },
      });
    } catch (error) {
      throw new FhirUnreachableError(`${method} ${url}: ${causeOf(error)}`);
    }
  };
  return {
    base: settings.base,
    async request(method, path, options = {}) {
      const url = `${settings.base}/${path}`;
      const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      let response = await once(method, url, body, options.headers ?? {});
      // A SMART token may have expired since it was issued: one fresh token, once.
      if (response.status === 401 && settings.auth.kind === 'smart') {
        auth.renew();
        response = await once(method, url, body, options.headers ?? {});
      }
      let parsed: Record<string, unknown> | null;
      try {
        const text = await response.text();
        parsed = text ? (JSON.parse(text) as Record<string, unknown>) : null;
      } catch {
        parsed = null;
      }
      return { status: response.status, body: parsed, location: response.headers.get('location') ?? response.headers.get('content-location') };
    },
  };
}

interface Issue { severity?: string; code?: string; diagnostics?: string; details?: { text?: string } }

/** The server's words: each issue's details or diagnostics, else its code; or the HTTP status alone. */
export function outcomeWords(answer: FhirAnswer): string {
  const body = answer.body;
  const issues = body?.resourceType === 'OperationOutcome' && Array.isArray(body.issue) ? (body.issue as Issue[]) : [];
  const words = issues.map((i) => [i.details?.text, i.diagnostics].filter(Boolean).join(' — ') || i.code || '').filter(Boolean);
  return `HTTP ${answer.status}${words.length ? `: ${[...new Set(words)].join('; ')}` : ' (the server gave no OperationOutcome)'}`.slice(0, 1000);
}

/** `Type/id` from a Location ([base]/Type/id/_history/vid) or the returned resource. */
export function serverIdOf(answer: FhirAnswer, resourceType: string): string | null {
  const match = answer.location ? new RegExp(`(?:^|/)${resourceType}/([A-Za-z0-9\\-.]{1,64})(?:/_history/|$)`).exec(answer.location) : null;
  if (match) return `${resourceType}/${match[1]}`;
  const id = answer.body?.resourceType === resourceType ? answer.body.id : undefined;
  return typeof id === 'string' ? `${resourceType}/${id}` : null;
}
