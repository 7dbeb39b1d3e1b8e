/** Test support: a real core on a real SQLite file in a fresh temp folder. */
import { CHART_READY, testProvider } from './chart-identity';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Dispatch } from '#shared/contract/dispatcher';
import type { Envelope } from '#shared/contract/errors';
import { METHODS, roleAllowed, type MethodName } from '#shared/contract/methods';
import { defaultKeyDir, openCore, type Core, type CoreOptions } from '../core';
import { DatabaseKey, loadDatabaseKey } from '../keys/database-key';

/** Key folders made beside temp data folders ("<dir>.keys"); removed when the test process ends. */
const keyFolders = new Set<string>();
let removeKeyFoldersOnExit = false;

export function tempDir(prefix = 'proceduredesk-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  keyFolders.add(defaultKeyDir(dir));
  if (!removeKeyFoldersOnExit) {
    removeKeyFoldersOnExit = true;
    process.once('exit', () => keyFolders.forEach((k) => fs.rmSync(k, { recursive: true, force: true })));
  }
  return dir;
}

/** A fresh random database key, for files a test makes outside a core. */
export const testKey = (): DatabaseKey => new DatabaseKey(randomBytes(32), 'owner-only-file');

/** The database key of `dataDir` in its default key folder ("<dataDir>.keys"), made there if it has none yet. */
export const keyOf = (dataDir: string): DatabaseKey => loadDatabaseKey(defaultKeyDir(dataDir), null, { mayCreate: true });

/** A cheap scrypt cost so tests that create accounts stay fast; the cost is stored with each hash. */
export const TEST_PASSWORD_COST = { N: 1024, r: 8, p: 1 } as const;
export const TEST_PASSWORD = 'correct horse battery';

export const NURSE = { name: 'Nina Nurse', role: 'nurse' } as const;
export const PHYSICIAN = { name: 'Dr Pat Physician', role: 'physician' } as const;
export const ADMIN = { name: 'Ada Admin', role: 'admin' } as const;
export const RECORDS = { name: 'Rita Records', role: 'records' } as const;

type Who = { name: string; role: 'nurse' | 'physician' | 'admin' | 'records' };
type Call = (method: string, input?: unknown) => Promise<Envelope<unknown>>;

export const usernameOf = (who: Who): string => who.name.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '');

/** The test administrator's sign-in, as recovery (restore, start empty) asks for it. */
export const ADMIN_LOGIN = { username: usernameOf(ADMIN), password: TEST_PASSWORD } as const;

/**
 * Signs in as a test account through the dispatcher, creating it (and the first
 * administrator) on first use. Returns the session token.
 */
export async function signIn(dispatch: Dispatch, who: Who, tokens = new Map<string, string>()): Promise<string> {
  const cached = tokens.get(who.name);
  if (cached) return cached;
  const status = (await dispatch('auth.status', {})) as Envelope<{ needsFirstAdmin: boolean }>;
  if (status.ok && status.value.needsFirstAdmin) {
    const admin = ok<{ token: string }>(await dispatch('auth.setupFirstAdmin', { username: usernameOf(ADMIN), displayName: ADMIN.name, password: TEST_PASSWORD }));
    tokens.set(ADMIN.name, admin.token);
  }
  if (!tokens.has(ADMIN.name)) {
    tokens.set(ADMIN.name, ok<{ token: string }>(await dispatch('auth.login', { username: usernameOf(ADMIN), password: TEST_PASSWORD })).token);
  }
  if (who.name !== ADMIN.name) {
    const created = await dispatch('users.create', { username: usernameOf(who), displayName: who.name, role: who.role, password: TEST_PASSWORD, holder: 'someone-else',
      ...(who.role === 'physician' ? { provider: testProvider(who.name) } : {}) }, tokens.get(ADMIN.name));
    if (!created.ok && created.error.code !== 'CONFLICT') throw new Error(`creating ${who.name}: ${created.error.message}`);
    tokens.set(who.name, ok<{ token: string }>(await dispatch('auth.login', { username: usernameOf(who), password: TEST_PASSWORD })).token);
  }
  return tokens.get(who.name)!;
}

/** A session of a role the method allows, so a call reaches input validation rather than the access check. */
export function tokenFor(dispatch: Dispatch, method: MethodName, tokens: Map<string, string>): Promise<string> {
  const access = METHODS[method].access;
  return signIn(dispatch, access === 'public' || access === 'session' || roleAllowed(access, 'physician') ? PHYSICIAN : ADMIN, tokens);
}

/**
 * A test caller in the style of the old payload-borne actor: `actor` in the
 * input names who is signed in (and is taken out of the input); without it the
 * call is made as the physician. In recovery mode (no accounts to check) the
 * call goes without a session. A session lost to a restore is signed in again.
 */
export function actingDispatch(dispatch: Dispatch, tokens = new Map<string, string>()): Call {
  return async (method, input = {}) => {
    const { actor, ...rest } = (input ?? {}) as { actor?: Who } & Record<string, unknown>;
    const payload = input !== null && typeof input === 'object' && !Array.isArray(input) ? rest : input;
    const who = actor ?? PHYSICIAN;
    const status = (await dispatch('auth.status', {}, tokens.get(who.name) ?? tokens.get(ADMIN.name))) as Envelope<{ session: unknown }>;
    if (!status.ok && status.error.code === 'UNAVAILABLE') return dispatch(method, payload);
    // Sessions do not survive a restore (a new core): sign in again.
    if (status.ok && status.value.session === null) tokens.clear();
    return dispatch(method, payload, await signIn(dispatch, who, tokens));
  };
}

export interface TempCore extends Core {
  cleanup(): void;
  /** Calls the dispatcher signed in as this person (the account is created on first use). */
  as(who: Who): Call;
  /** See actingDispatch: `actor` in the input says who is signed in. */
  act: Call;
}

export function openTempCore(options: Partial<CoreOptions> = {}): TempCore {
  const dataDir = options.dataDir ?? tempDir();
  const core = openCore({ passwordCost: TEST_PASSWORD_COST, ...options, dataDir });
  const tokens = new Map<string, string>();
  return {
    ...core,
    as: (who) => async (method, input = {}) => core.dispatch(method, input, await signIn(core.dispatch, who, tokens)),
    act: actingDispatch(core.dispatch, tokens),
    cleanup() {
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(options.keyDir ?? defaultKeyDir(dataDir), { recursive: true, force: true });
    },
  };
}

export const PATIENT = {
  mrn: 'MRN-0042',
  familyName: 'Peña',
  givenName: 'María José',
  birthDate: '1970-05-17',
  sex: 'female',
} as const;

/** Unwraps an envelope in a test, failing loudly with the error if it is not ok. */
export function ok<T = unknown>(envelope: { ok: boolean; value?: unknown; error?: unknown }): T {
  if (!envelope.ok) throw new Error(`expected ok, got ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

/** The administrator sets the outbox folder and what every export needs first (CHART_READY: MRN system, Organization), with any other settings. */
export async function setChartOutbox(core: { act: Call }, outbox: string, more: Record<string, unknown> = {}): Promise<void> {
  ok(await core.act('settings.update', { actor: ADMIN, outboxFolder: outbox, ...CHART_READY, ...more }));
}

/** Row counts of every table: "nothing changed" means these are identical. */
export function tableCounts(core: Core): Record<string, number> {
  const tables = core.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((t) => [t, (core.db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number)]));
}

/** Adds `act` (see actingDispatch) to a core or runtime opened directly in a test. */
export function withAct<T extends { dispatch: Dispatch }>(target: T): T & { act: Call } {
  return Object.assign(target, { act: actingDispatch((method, input, session) => target.dispatch(method, input, session)) });
}
