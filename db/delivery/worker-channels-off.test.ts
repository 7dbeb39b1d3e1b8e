// A channel the site turns off keeps its queued rows (nothing is lost), but they must not hold up
// the channels still on: the worker reads the due rows 20 at a time, and before this fix it read
// them across every channel, so 20 rows of a channel turned off at the head of the queue stopped
// every later delivery (found by the delivery throughput bench: 10 of 1,000 notes went out).
import fs from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Delivery } from '#shared/contract/delivery';
import { signedEncounter } from '../testing/signed-encounter';
import { NURSE, ok, openTempCore, setChartOutbox, tempDir, type TempCore } from '../testing/temp-core';

let core: TempCore;
let outbox: string;
let drop: string;
beforeEach(() => {
  core = openTempCore();
  outbox = tempDir('proceduredesk-off-outbox-');
  drop = tempDir('proceduredesk-off-drop-');
});
afterEach(() => {
  core.cleanup();
  for (const dir of [outbox, drop]) fs.rmSync(dir, { recursive: true, force: true });
});

const RETRY = { retryBaseSeconds: 30, retryCapSeconds: 600 };
// Never contacted: both are turned off before the worker runs.
const MLLP = { host: '127.0.0.1', port: 9, timeoutSeconds: 1 };
const FHIR = { base: 'http://127.0.0.1:9/fhir', auth: { kind: 'none' }, timeoutSeconds: 1 };

async function exportNote(mrn: string): Promise<string> {
  const { encounterId } = await signedEncounter(core, mrn, 0);
  ok(await core.act('note.exportToOutbox', { actor: NURSE, encounterId }));
  return encounterId;
}
const states = async (encounterId: string) => ok<Delivery[]>(await core.act('delivery.list', { actor: NURSE, encounterId })).map((d) => `${d.channel}:${d.state}`);

it('rows of channels turned off do not stop the folder drop behind them, and stay queued', async () => {
  await setChartOutbox(core, outbox, { delivery: { folder: null, mllp: MLLP, fhir: FHIR, ...RETRY } });
  const early: string[] = [];
  for (let i = 0; i < 10; i++) early.push(await exportNote(`MRN-OFF-${i}`));
  // Twenty rows (MLLP and FHIR) now head the queue; the site switches to a drop folder only.
  await setChartOutbox(core, outbox, { delivery: { folder: drop, mllp: null, fhir: null, ...RETRY } });
  const later = await exportNote('MRN-ON');

  expect(await core.delivery.runDue()).toBe(1);
  expect(await states(later)).toEqual(['folder:delivered']);
  expect(fs.readdirSync(drop).filter((f) => f.endsWith('.hl7'))).toHaveLength(1);
  for (const encounterId of early) expect((await states(encounterId)).sort()).toEqual(['fhir:queued', 'mllp:queued']);
}, 120_000); // eleven notes signed and exported
