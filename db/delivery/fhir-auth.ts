/**
 * The Authorization header for the FHIR channel: none, a bearer token read from an owner-only
 * file, or SMART Backend Services. SMART (hl7.org/fhir/smart-app-launch/backend-services.html,
 * STU 2.2; example flow at example-backend-services.html): the token endpoint is read from
 * [base]/.well-known/smart-configuration; the client posts grant_type=client_credentials with
 * client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer and a JWT signed
 * with its private key (RS384 or ES384; header alg, typ JWT, kid; claims iss = sub = client_id,
 * aud = the token endpoint, exp at most five minutes ahead, a unique jti). RFC 7523 §2.2.
 */
import { createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import type { FhirAuth } from '#shared/contract/delivery-settings';

/** The site's set-up is wrong (a missing or readable key, a refused client): retrying will not help. */
export class FhirSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FhirSetupError';
  }
}

/** The server or its token endpoint could not be reached or answered 5xx: try later. */
export class FhirUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FhirUnreachableError';
  }
}

/** Reads a secret file, refusing one that others may read (the app's own files are 0600 too). */
export function readSecretFile(file: string, what: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new FhirSetupError(`the ${what} file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    throw new FhirSetupError(`the ${what} file ${file} is readable by others (mode ${(stat.mode & 0o777).toString(8)}); make it owner-only (chmod 600)`);
  }
  return fs.readFileSync(file, 'utf8').trim();
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** A signed client assertion (compact JWS). ES384 signatures are r||s (JWS, RFC 7518 §3.4), not DER. */
export function clientAssertion(auth: Extract<FhirAuth, { kind: 'smart' }>, key: KeyObject, tokenEndpoint: string, nowMs = Date.now()): string {
  const header = { alg: auth.algorithm, typ: 'JWT', ...(auth.keyId ? { kid: auth.keyId } : {}) };
  const claims = { iss: auth.clientId, sub: auth.clientId, aud: tokenEndpoint, exp: Math.floor(nowMs / 1000) + 300, jti: randomUUID() };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = auth.algorithm === 'ES384'
    ? sign('sha384', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
    : sign('sha384', Buffer.from(input), key);
  return `${input}.${base64url(signature)}`;
}

function privateKeyOf(auth: Extract<FhirAuth, { kind: 'smart' }>): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(readSecretFile(auth.privateKeyFile, 'private key'));
  } catch (error) {
    if (error instanceof FhirSetupError) throw error;
    throw new FhirSetupError(`the private key file ${auth.privateKeyFile} does not hold a PEM private key`);
  }
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (auth.algorithm === 'RS384' && key.asymmetricKeyType !== 'rsa') throw new FhirSetupError(`RS384 needs an RSA key; ${auth.privateKeyFile} holds ${key.asymmetricKeyType ?? 'another kind'}`);
  if (auth.algorithm === 'ES384' && !(key.asymmetricKeyType === 'ec' && (curve === 'secp384r1' || curve === 'P-384'))) {
    throw new FhirSetupError(`ES384 needs an EC P-384 key; ${auth.privateKeyFile} holds ${key.asymmetricKeyType ?? 'another kind'}${curve ? ` ${curve}` : ''}`);
  }
  return key;
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

async function jsonOf(response: Response): Promise<Record<string, unknown>> {
  try {
    return (await response.json()) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Makes the Authorization header; `renew` drops a cached token (after a 401). */
export interface FhirAuthorizer {
  header(): Promise<string | null>;
  renew(): void;
}

export function fhirAuthorizer(base: string, auth: FhirAuth, fetchFor: Fetch): FhirAuthorizer {
  if (auth.kind === 'none') return { header: () => Promise.resolve(null), renew: () => {} };
  if (auth.kind === 'bearer') return { header: () => Promise.resolve(`Bearer ${readSecretFile(auth.tokenFile, 'bearer token')}`), renew: () => {} };
  let token: { value: string; until: number } | null = null;
  const reach = async (url: string, init: RequestInit, what: string): Promise<Response> => {
    try {
      return await fetchFor(url, init);
    } catch (error) {
      throw new FhirUnreachableError(`${what} ${url}: ${error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error)}`);
    }
  };
  return {
    renew: () => { token = null; },
    async header() {
      if (token && token.until > Date.now()) return `Bearer ${token.value}`;
      const key = privateKeyOf(auth);
      const config = await reach(`${base}/.well-known/smart-configuration`, { headers: { accept: 'application/json' } }, 'the SMART configuration at');
      if (config.status >= 500) throw new FhirUnreachableError(`the SMART configuration answered HTTP ${config.status}`);
      const endpoint = (await jsonOf(config)).token_endpoint;
      if (!config.ok || typeof endpoint !== 'string') throw new FhirSetupError(`the server publishes no SMART token endpoint (${base}/.well-known/smart-configuration answered HTTP ${config.status})`);
      const form = new URLSearchParams({
        grant_type: 'client_credentials', scope: auth.scope,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: clientAssertion(auth, key, endpoint),
      });
      const answer = await reach(endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: form.toString() }, 'the token endpoint');
      const body = await jsonOf(answer);
      if (answer.status >= 500) throw new FhirUnreachableError(`the token endpoint answered HTTP ${answer.status}`);
      if (!answer.ok || typeof body.access_token !== 'string') {
        const words = [body.error, body.error_description].filter((w) => typeof w === 'string').join(': ');
        throw new FhirSetupError(`the token endpoint refused the client ${auth.clientId} (HTTP ${answer.status}${words ? `, ${words}` : ''})`);
      }
      const seconds = typeof body.expires_in === 'number' ? body.expires_in : 300;
      token = { value: body.access_token, until: Date.now() + Math.max(0, seconds - 30) * 1000 };
      return `Bearer ${token.value}`;
    },
  };
}
