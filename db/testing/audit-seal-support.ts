/**
 * What the audit-seal tests share: cores opened and cleaned up per test, a
 * little activity through the dispatcher (left sealed), the verdict, the last
 * entry's number and the seal as it is on disk.
 */
import { afterEach } from 'vitest';
import { loadAuditKey } from '../audit-key';
import { readSeal, type Seal } from '../audit-seal';
import type { CoreOptions } from '../core-types';
import { NURSE, ok, openTempCore, PATIENT, PHYSICIAN, type TempCore } from './temp-core';

export type Verdict = { ok: boolean; firstBrokenSeq?: number; reason?: string };

/** Cores for one test file: closed and removed after each test. */
export function auditCores() {
  const cores: TempCore[] = [];
  afterEach(() => cores.splice(0).forEach((c) => c.cleanup()));
  return {
    open(at?: string | Partial<CoreOptions>): TempCore {
      const core = openTempCore(typeof at === 'string' ? { dataDir: at } : at ?? {});
      cores.push(core);
      return core;
    },
    /** Closes a core without removing its folders, to open the same data again. */
    closeKeeping(core: TempCore): void {
      cores.splice(cores.indexOf(core), 1);
      core.close();
    },
  };
}

export async function activity(core: TempCore, mrn = 'MRN-0042'): Promise<void> {
  const patient = ok<{ id: string }>(await core.act('patient.create', { actor: NURSE, ...PATIENT, mrn }));
  const encounter = ok<{ id: string }>(await core.act('encounter.create', {
    actor: NURSE, patientId: patient.id, templateId: 'lumbar-medial-branch-block', levels: ['L4'], laterality: 'left', plannedDate: '2026-11-24', indication: 'x',
  }));
  ok(await core.act('encounter.get', { actor: PHYSICIAN, encounterId: encounter.id }));
  // The seal follows each answer (audit-seal-writer.ts): what follows acts on a sealed trail.
  await core.auditSettled();
}

export const verify = async (core: TempCore): Promise<Verdict> => ok<Verdict>(await core.act('audit.verify', { actor: PHYSICIAN }));
export const lastSeq = (core: TempCore): number => core.db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;

/** The seal in a data folder's key folder, as the app reads it. */
export function sealOf(dataDir: string): Seal {
  const keys = `${dataDir}.keys`;
  const read = readSeal(keys, loadAuditKey(keys).key);
  if (read.state !== 'ok') throw new Error(`the seal: ${read.state}`);
  return read.seal;
}
