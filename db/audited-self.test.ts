/**
 * The writes the contract marks audit 'self' are left out of the audit wrapper
 * (db/audited.ts): each must write its own entry. Every such method of the core
 * is called here through the real core, and the entries it added are read from
 * the trail; a new 'self' write fails the first test until it has a call here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '#shared/contract/errors';
import { METHODS, type CoreMethod, type MethodName } from '#shared/contract/methods';
import { signedEncounter } from './testing/signed-encounter';
import { ADMIN, openTempCore, PHYSICIAN, signIn, TEST_PASSWORD, tempDir, usernameOf, type TempCore } from './testing/temp-core';
import { CHART_READY } from './testing/chart-identity';

type Who = typeof ADMIN | typeof PHYSICIAN;
/** What a call needs: the session it goes with (none for signing in), its input, and who the entry names. */
interface Prepared { token: string | null; input: unknown; who: Who; core?: TempCore }
type Prepare = (core: TempCore, session: (who: Who) => Promise<string>) => Promise<Prepared>;

const selfWrites = (Object.keys(METHODS) as MethodName[]).filter((m) => METHODS[m].audit === 'self' && METHODS[m].writes);
const ADMIN_LOGIN = { username: usernameOf(ADMIN), password: TEST_PASSWORD };

/** The runtime's: they replace or copy the open file, so the core cannot serve them; their entries are tested there. */
const RUNTIME_WRITES: Record<Exclude<MethodName, CoreMethod>, string> = {
  'backup.now': 'db/encryption.test.ts and db/backup.test.ts',
  'recovery.restoreBackup': 'db/recovery-auth.test.ts',
  'recovery.startEmpty': 'db/recovery-auth.test.ts',
};

/** Partial: the contract's audit decisions are not literal types; the first test below holds this list to them. */
const CALLS: Partial<Record<CoreMethod, Prepare>> = {
  'auth.setupFirstAdmin': () => Promise.resolve({ token: null, input: { username: usernameOf(ADMIN), displayName: ADMIN.name, password: TEST_PASSWORD }, who: ADMIN }),
  'auth.login': async (_core, session) => (await session(ADMIN), { token: null, input: ADMIN_LOGIN, who: ADMIN }),
  'auth.logout': async (_core, session) => ({ token: await session(ADMIN), input: {}, who: ADMIN }),
  'auth.lock': async (_core, session) => ({ token: await session(ADMIN), input: {}, who: ADMIN }),
  'auth.unlock': async (core, session) => {
    const token = await session(ADMIN);
    await core.dispatch('auth.lock', {}, token);
    return { token, input: { password: TEST_PASSWORD }, who: ADMIN };
  },
  'auth.changePassword': async (_core, session) => ({ token: await session(ADMIN), input: { currentPassword: TEST_PASSWORD, newPassword: 'a different horse battery' }, who: ADMIN }),
  'users.create': async (_core, session) => ({
    token: await session(ADMIN), input: { username: 'nora.nurse', displayName: 'Nora Nurse', role: 'nurse', password: TEST_PASSWORD, holder: 'someone-else' }, who: ADMIN,
  }),
  'users.setActive': async (core, session) => ({ token: await session(ADMIN), input: { userId: await physicianId(core, session), active: false }, who: ADMIN }),
  'users.setProvider': async (core, session) => ({
    token: await session(ADMIN), input: { userId: await physicianId(core, session), provider: { npi: '1234567893', localId: null, familyName: 'Ñúñez', givenName: 'Inés' } }, who: ADMIN,
  }),
  'users.clearLockout': async (core, session) => ({ token: await session(ADMIN), input: { userId: await physicianId(core, session) }, who: ADMIN }),
  'users.resetPassword': async (core, session) => ({
    token: await session(ADMIN), input: { userId: await physicianId(core, session), newPassword: 'a new horse battery staple', adminPassword: TEST_PASSWORD }, who: ADMIN,
  }),
  'settings.update': async (_core, session) => ({ token: await session(ADMIN), input: { idleLockMinutes: 15 }, who: ADMIN }),
  'demo.seed': async (_core, session) => ({ token: await session(PHYSICIAN), input: { today: '2026-11-24' }, who: PHYSICIAN }),
  'note.exportToOutbox': async (core, session) => {
    const { encounterId } = await withOutbox(core, session);
    return { token: await session(PHYSICIAN), input: { encounterId }, who: PHYSICIAN };
  },
  'export.startBatch': async (core, session) => {
    await withOutbox(core, session);
    return { token: await session(PHYSICIAN), input: { plannedDate: '2026-11-24' }, who: PHYSICIAN };
  },
  'export.cancelBatch': async (core, session) => {
    await withOutbox(core, session);
    const token = await session(PHYSICIAN);
    const started = (await core.dispatch('export.startBatch', { plannedDate: '2026-11-24' }, token)) as Envelope<{ batchId: string }>;
    if (!started.ok) throw new Error(started.error.message);
    return { token, input: { batchId: started.value.batchId }, who: PHYSICIAN };
  },
  // An alarm to acknowledge: the audit key and its seal are lost, and the core opened again.
  'audit.acknowledgeAlarm': async (core) => {
    await signIn(core.dispatch, ADMIN);
    core.close();
    for (const name of ['audit.key', 'audit.seal']) fs.rmSync(path.join(`${core.dataDir}.keys`, name));
    const again = openTempCore({ dataDir: core.dataDir });
    opened.push(again);
    return { core: again, token: await signIn(again.dispatch, ADMIN), input: { reason: 'The key folder was lost with the old laptop; IT informed.', password: TEST_PASSWORD }, who: ADMIN };
  },
};

async function physicianId(core: TempCore, session: (who: Who) => Promise<string>): Promise<string> {
  await session(PHYSICIAN);
  return core.db.prepare('SELECT id FROM users WHERE username = ?').pluck().get(usernameOf(PHYSICIAN)) as string;
}

/** A signed note of an encounter on 2026-11-24, and an outbox folder to send it to. */
async function withOutbox(core: TempCore, session: (who: Who) => Promise<string>): Promise<{ encounterId: string }> {
  const folder = tempDir('proceduredesk-outbox-');
  const set = await core.dispatch('settings.update', { outboxFolder: folder, ...CHART_READY }, await session(ADMIN));
  if (!set.ok) throw new Error(set.error.message);
  return signedEncounter(core, 'MRN-SELF-1', 0);
}

const opened: TempCore[] = [];
afterEach(() => {
  for (const core of opened.splice(0).reverse()) core.cleanup();
});

const headSeq = (core: TempCore): number => (core.db.prepare('SELECT coalesce(max(seq), 0) FROM audit_log').pluck().get() as number);

describe("writes audited 'self' write their own audit entry", () => {
  it('every such method has a call below, or is served by the runtime and tested there', () => {
    expect(selfWrites.filter((m) => !(m in CALLS) && !(m in RUNTIME_WRITES))).toEqual([]);
    expect(Object.keys(RUNTIME_WRITES).every((m) => METHODS[m as MethodName].servedBy === 'runtime')).toBe(true);
  });

  it.each(Object.keys(CALLS) as CoreMethod[])('%s', async (method) => {
    expect(METHODS[method].servedBy).toBe('core');
    const first = openTempCore();
    opened.push(first);
    const tokens = new Map<string, string>();
    const prepared = await CALLS[method]!(first, (who) => signIn(first.dispatch, who, tokens));
    const core = prepared.core ?? first;
    const before = headSeq(core);
    const answer = await core.dispatch(method, prepared.input, prepared.token);
    expect(answer, 'the call succeeds').toMatchObject({ ok: true });
    const entries = core.db.prepare('SELECT action, user_name AS user FROM audit_log WHERE seq > ? ORDER BY seq').all(before) as { action: string; user: string }[];
    // An entry of the method's own namespace, naming who made the call.
    const namespace = method.split('.')[0]!;
    expect(entries, `entries written by ${method}`).toContainEqual({ action: expect.stringMatching(new RegExp(`^${namespace}\\.`)), user: prepared.who.name });
  });
});
