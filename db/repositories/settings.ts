/** Clinic settings: stored per key as JSON; unset keys fall back to defaults. */
import { SettingsSchema, type Settings } from '#shared/contract/settings';
import type { Actor } from '#shared/contract/common';
import { DEFAULT_INTEROP_SETTINGS } from '#shared/contract/settings';
import { DEFAULT_DELIVERY_SETTINGS } from '#shared/contract/delivery-settings';
import { DEFAULT_SCHEDULE_SETTINGS } from '#shared/contract/schedule-settings';
import { readStored } from '#shared/contract/text';
import type { Db } from '../connection';

/**
 * The machine's own time zone is the natural default for a clinic laptop. Asked
 * once per run: Intl builds a whole date formatter to answer (a sixth of a
 * millisecond, on every call, since the session check reads the settings). A
 * laptop moved to another zone gets it at the next start.
 */
let hostZone: string | undefined;
function hostTimeZone(): string {
  hostZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return hostZone;
}

export const DEFAULT_SETTINGS: Omit<Settings, 'timeZone'> = {
  idleLockMinutes: 10,
  inrThreshold: null,
  followUpAfterDays: null,
  noteFieldsOff: {},
  outboxFolder: null,
  interop: DEFAULT_INTEROP_SETTINGS,
  delivery: DEFAULT_DELIVERY_SETTINGS,
  schedule: DEFAULT_SCHEDULE_SETTINGS,
};

/** A shared read must not be changed by one caller under the others. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export function createSettingsRepository(db: Db) {
  const rows = db.prepare<[], { key: string; value_json: string }>('SELECT key, value_json FROM settings');
  const upsert = db.prepare(
    `INSERT INTO settings (key, value_json, updated_at, updated_by_name) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at, updated_by_name = excluded.updated_by_name`,
  );
  const read = (): Settings => {
    const stored = Object.fromEntries(rows.all().map((r) => [r.key, JSON.parse(r.value_json) as unknown]));
    // Anything stored that no longer validates falls back to the default rather than breaking start-up.
    // Interop settings stored before issue 19 lack its keys: they keep what they stored and gain the new ones unset.
    const interop = { ...DEFAULT_INTEROP_SETTINGS, ...(stored.interop && typeof stored.interop === 'object' ? stored.interop : {}) };
    const merged = { ...DEFAULT_SETTINGS, timeZone: hostTimeZone(), ...stored, interop };
    const parsed = readStored(() => SettingsSchema.safeParse(merged));
    return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS, timeZone: hostTimeZone() };
  };
  /**
   * The session check reads the settings on every call; reading and validating
   * them each time was a sixth of a durable save. This repository is their only
   * writer, so a committed read stays true until update(). Inside a transaction
   * nothing is kept: it may still roll back.
   */
  let committed: Settings | undefined;
  return {
    get(): Settings {
      if (db.inTransaction) return read();
      committed ??= deepFreeze(read());
      return committed;
    },
    update(changes: Partial<Settings>, at: string, actor: Actor): void {
      committed = undefined;
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined) upsert.run(key, JSON.stringify(value), at, actor.name);
      }
    },
  };
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
