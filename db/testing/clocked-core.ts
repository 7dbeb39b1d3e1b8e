/** Test support: real cores on temp files with clocks the test moves by hand, for accounts, lockouts and the idle lock. */
import { afterEach } from 'vitest';
import type { Envelope } from '#shared/contract/errors';
import type { CoreOptions } from '../core';
import { openTempCore, signIn, type TempCore } from './temp-core';

export const MINUTE = 60_000;
export const WRONG_PASSWORD = 'not the password at all';

/**
 * Call once at the top of a test file; the function it returns opens a core whose clocks are
 * `clock.t` (monotonic, idle time) and `clock.wall` (timestamps, lockouts), closed after each test.
 */
export function clockedCoresPerTest(start: number) {
  const opened: TempCore[] = [];
  afterEach(() => {
    for (const core of opened.splice(0)) core.cleanup();
  });
  return (extra: Partial<CoreOptions> = {}) => {
    const clock = { t: 1_000, wall: start };
    const core = openTempCore({ monotonic: () => clock.t, now: () => new Date(clock.wall), ...extra });
    opened.push(core);
    const tokens = new Map<string, string>();
    return { core, clock, tokens, dispatch: core.dispatch, login: (who: Parameters<typeof signIn>[1]) => signIn(core.dispatch, who, tokens) };
  };
}

/** 'ok' or the error code, so one assertion reads either answer. */
export const codeOf = (envelope: Envelope<unknown>): string => (envelope.ok ? 'ok' : envelope.error.code);

export type UserRow = { id: string; username: string; display_name: string; password_hash: string; failed_attempts: number; locked_until: string | null; active: number; password_changed_at: string };
export const userRow = (core: TempCore, username: string) => core.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;

export type AuditRow = { seq: number; at: string; user_name: string; user_role: string; action: string; target: string | null };
export const auditRows = (core: TempCore, action?: string) =>
  (action
    ? core.db.prepare('SELECT * FROM audit_log WHERE action = ? ORDER BY seq').all(action)
    : core.db.prepare('SELECT * FROM audit_log ORDER BY seq').all()) as AuditRow[];
export const lastAudit = (core: TempCore) => core.db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1').get() as AuditRow;
