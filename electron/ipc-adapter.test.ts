import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHODS } from '#shared/contract/methods';
import { NURSE, openTempCore, PATIENT, tableCounts } from '#db/testing/temp-core';
import { createIpcHandler, type InvokeEventLike } from './ipc-adapter';

let core: ReturnType<typeof openTempCore>;
let sent: unknown[];
beforeEach(() => {
  core = openTempCore();
  sent = [];
});
afterEach(() => core.cleanup());

function event(url: string, parent: unknown = null): InvokeEventLike {
  return { senderFrame: { url, parent }, sender: { send: (_channel, message) => sent.push(message) } };
}

describe('Electron IPC adapter (real core, fake IPC events)', () => {
  it('dispatches calls from the app frame and announces writes', async () => {
    const handle = createIpcHandler(core.dispatch);
    const result = await handle(event('app://bundle/index.html'), 'patient.create', { actor: NURSE, ...PATIENT });
    expect(result).toMatchObject({ ok: true, value: { mrn: PATIENT.mrn } });
    expect(sent).toEqual([{ event: 'data.changed', payload: { method: 'patient.create' } }]);
  });

  it('refuses other frames and malformed payloads with typed errors, changing nothing', async () => {
    const handle = createIpcHandler(core.dispatch);
    const before = tableCounts(core);
    const write = { actor: NURSE, ...PATIENT };
    expect(await handle(event('https://evil.example/'), 'patient.create', write)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handle(event('app://bundle/index.html', {}), 'patient.create', write)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handle({ senderFrame: null, sender: { send: () => undefined } }, 'patient.create', write)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(await handle(event('app://bundle/'), 'patient.create', cyclic)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await handle(event('app://bundle/'), 'patient.search', { query: 'x'.repeat(1_100_000) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    for (const method of Object.keys(METHODS)) {
      for (const input of [42, 'x', [], { actor: { name: '', role: 'admin' } }]) {
        expect(await handle(event('app://bundle/'), method, input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      }
    }
    expect(await handle(event('app://bundle/'), 'db.exec', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(tableCounts(core)).toEqual(before);
    expect(sent).toEqual([]);
  });
});
