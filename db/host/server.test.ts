import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NURSE, openTempCore, PATIENT, signIn, tableCounts, tempDir } from '#db/testing/temp-core';
import { MAX_REQUEST_BYTES } from '#shared/contract/transport';
import { startHost, type Host } from './server';

let core: ReturnType<typeof openTempCore>;
let host: Host;
let staticDir: string;
let nurse = '';

beforeAll(async () => {
  core = openTempCore();
  nurse = await signIn(core.dispatch, NURSE);
  staticDir = tempDir('proceduredesk-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(path.dirname(staticDir), 'secret-outside.txt'), 'outside');
  host = await startHost({ dispatch: core.dispatch, staticDir });
});
afterAll(async () => {
  await host.close();
  core.cleanup();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

function invoke(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${host.origin}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-proceduredesk-secret': host.secret, 'x-proceduredesk-session': nurse, origin: host.origin, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** fetch() will not send a forged Host header; node:http will, as a DNS-rebinding page would. */
function rawPost(body: unknown, hostHeader: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: '/api/invoke', method: 'POST',
        headers: { host: hostHeader, 'content-type': 'application/json', 'x-proceduredesk-secret': host.secret } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0 })));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('loopback host', () => {
  it('listens on 127.0.0.1 only and hands the secret over in the URL fragment', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/#secret=${host.secret}`);
    expect(host.secret).toMatch(/^[0-9a-f]{64}$/);
  });

  it('carries a call to the dispatcher and returns its envelope', async () => {
    const response = await invoke({ method: 'patient.create', input: { ...PATIENT } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, value: { mrn: PATIENT.mrn } });
    // The session header names who acts; without it, or with a forged one, nothing happens.
    expect(core.db.prepare('SELECT created_by_name FROM patients').pluck().get()).toBe(NURSE.name);
    const before = tableCounts(core);
    const anonymous = await invoke({ method: 'patient.create', input: { ...PATIENT, mrn: 'ANON-1' } }, { 'x-proceduredesk-session': '' });
    expect(await anonymous.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const forged = await invoke({ method: 'patient.create', input: { ...PATIENT, mrn: 'ANON-2' } }, { 'x-proceduredesk-session': 'a'.repeat(64) });
    expect(await forged.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(tableCounts(core)).toEqual(before);
  });

  it('refuses calls without the secret, from another origin, or to another Host, and changes nothing', async () => {
    const before = tableCounts(core);
    const attempt = { method: 'patient.create', input: { ...PATIENT, mrn: 'NEW-1' } };
    const cases = [
      invoke(attempt, { 'x-proceduredesk-secret': '' }),
      invoke(attempt, { 'x-proceduredesk-secret': 'f'.repeat(64) }),
      invoke(attempt, { origin: 'http://evil.example' }),
      invoke(attempt, { origin: 'http://localhost:1' }),
      rawPost(attempt, 'rebound.example'),
      rawPost(attempt, `localhost:${host.port}`),
    ];
    for (const response of await Promise.all(cases)) {
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(tableCounts(core)).toEqual(before);
  });

  // Hostility at the HTTP layer (not JSON, wrong type, too large) stays here by design; payloads to the methods are fuzzed in db/contract.fuzz.test.ts.
  it('answers malformed requests with typed errors and changes nothing', async () => {
    const before = tableCounts(core);
    const notJson = await invoke('{"method": "patient.create", "input": ');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const wrongType = await invoke('x', { 'content-type': 'text/plain' });
    expect(wrongType.status).toBe(415);
    const huge = await invoke({ method: 'patient.search', input: { query: 'x'.repeat(MAX_REQUEST_BYTES + 1) } });
    expect(huge.status).toBe(413);
    const array = await invoke([1, 2]);
    expect(await array.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const badInput = await invoke({ method: 'patient.create', input: { ...PATIENT, mrn: '' } });
    expect(await badInput.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: expect.arrayContaining([expect.objectContaining({ path: 'mrn' })]) } });
    const getInvoke = await fetch(`${host.origin}/api/invoke`);
    expect(getInvoke.status).toBe(405);
    expect(tableCounts(core)).toEqual(before);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await fetch(`${host.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const probe of ['/../secret-outside.txt', '/%2e%2e/secret-outside.txt', '/..%2fsecret-outside.txt', '/%00index.html', '/..\\secret-outside.txt']) {
      const response = await fetch(`${host.origin}${probe}`);
      expect(response.status, probe).toBe(404);
    }
  });

  it('requires the secret for the event stream', async () => {
    expect((await fetch(`${host.origin}/api/events`)).status).toBe(403);
    const controller = new AbortController();
    const stream = await fetch(`${host.origin}/api/events?secret=${host.secret}`, { signal: controller.signal });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    controller.abort();
  });
});
