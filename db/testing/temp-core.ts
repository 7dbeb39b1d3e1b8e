/** Test support: a real core on a real SQLite file in a fresh temp folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core, type CoreOptions } from '../core';

export function tempDir(prefix = 'proceduredesk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function openTempCore(options: Partial<CoreOptions> = {}): Core & { cleanup(): void } {
  const dataDir = options.dataDir ?? tempDir();
  const core = openCore({ ...options, dataDir });
  return {
    ...core,
    cleanup() {
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const NURSE = { name: 'Nina Nurse', role: 'nurse' } as const;
export const PHYSICIAN = { name: 'Dr Pat Physician', role: 'physician' } as const;

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

/** Row counts of every table: "nothing changed" means these are identical. */
export function tableCounts(core: Core): Record<string, number> {
  const tables = core.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((t) => [t, (core.db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number)]));
}
