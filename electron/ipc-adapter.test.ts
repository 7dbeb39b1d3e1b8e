import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NURSE, openTempCore, PATIENT, signIn, tableCounts } from '#db/testing/temp-core';
import { createIpcHandler, type InvokeEventLike } from './ipc-adapter';

let core: ReturnType<typeof openTempCore>;
let sent: unknown[];
let nurse = '';
beforeEach(async () => {
  core = openTempCore();
  nurse = await signIn(core.dispatch, NURSE);
  sent = [];
});
afterEach(() => core.cleanup());

function event(url: string, parent: unknown = null): InvokeEventLike {
  return { senderFrame: { url, parent }, sender: { send: (_channel, message) => sent.push(message) } };
}

describe('Electron IPC adapter (real core, fake IPC events)', () => {
  it('dispatches calls from the app frame and announces writes', async () => {
    const handle = createIpcHandler(core.dispatch);
    const result = await handle(event('app://bundle/index.html'), 'patient.create', { ...PATIENT }, nurse);
    expect(result).toMatchObject({ ok: true, value: { mrn: PATIENT.mrn } });
    // Who acted is the session's user, carried beside the input.
    expect(core.db.prepare('SELECT created_by_name FROM patients').pluck().get()).toBe(NURSE.name);
    expect(sent).toEqual([{ event: 'data.changed', payload: { method: 'patient.create' } }]);
  });

  it('refuses other frames and malformed payloads with typed errors, changing nothing', async () => {
    const handle = createIpcHandler(core.dispatch);
    const before = tableCounts(core);
    const write = { ...PATIENT };
    expect(await handle(event('app://bundle/index.html'), 'patient.create', write)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await handle(event('app://bundle/index.html'), 'patient.create', write, 'forged-token')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await handle(event('https://evil.example/'), 'patient.create', write, nurse)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handle(event('app://bundle/index.html', {}), 'patient.create', write, nurse)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handle({ senderFrame: null, sender: { send: () => undefined } }, 'patient.create', write)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await handle(event('app://bundle/'), 'patient.create', cyclic, nurse)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await handle(event('app://bundle/'), 'patient.search', { query: 'x'.repeat(1_100_000) }, nurse)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // What the dispatcher refuses for every method is fuzzed in db/contract.fuzz.test.ts; here, that it is reached.
    expect(await handle(event('app://bundle/'), 'patient.create', { ...PATIENT, actor: { name: 'Root', role: 'admin' } }, nurse)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await handle(event('app://bundle/'), 'db.exec', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(tableCounts(core)).toEqual(before);
    expect(sent).toEqual([]);
  });
});
