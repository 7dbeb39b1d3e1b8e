/**
 * What every method of the contract declares beside its schemas: who may call
 * it, who serves it, and what the audit trail records of it. Each namespace's
 * file (auth.ts, encounter.ts, ...) declares its methods with `method()`.
 */
import { z } from 'zod';
import type { Role } from './common';

/**
 * Who may call a method: anyone (signing in, first start, recovery), any
 * signed-in session even while locked (unlock, sign out), or an unlocked
 * session of one of the listed roles.
 */
export type Access = 'public' | 'session' | readonly Role[];

/** Whether a signed-in, unlocked user of this role may call a method of this access. */
export function roleAllowed(access: Exclude<Access, 'public' | 'session'>, role: Role): boolean {
  return access.includes(role);
}

export const ANY_ROLE = ['nurse', 'physician', 'admin', 'records'] as const;
/** Patient data is for the clinical roles; administrators manage accounts and settings. */
export const CLINICAL = ['nurse', 'physician'] as const;
/**
 * Signed notes going to the chart: the clinical roles, and records staff, who read the
 * day's list, see and export signed notes and work the outbox, but change no clinical content.
 */
export const CHART = ['nurse', 'physician', 'records'] as const;
export const PHYSICIAN = ['physician'] as const;
export const ADMIN = ['admin'] as const;
/** Reading the audit trail: the clinic's administrator and its physicians. */
export const OVERSIGHT = ['admin', 'physician'] as const;

/** What the audit wrapper may look up to name the patient a call concerns. */
export interface AuditLookups {
  patientOfEncounter(id: unknown): string | null;
  encounterOfNote(id: unknown): string | null;
}
type Fields = Record<string, unknown>;
export type AuditDescribe = (input: Fields, output: Fields, look: AuditLookups) => { patientId: string | null; target: string | null };

/**
 * What the audit trail records of a call:
 * - 'with-change': one entry, committed in the same transaction as the change (or the view);
 * - 'after-success': one entry once an asynchronous call has succeeded;
 * - 'self': the handler (or the module behind it) writes its own entries, where there is anything to record;
 * - 'none': nothing (reads of the library, settings and status, not of a patient's record).
 */
export type AuditDecision = 'self' | 'none' | { entry: 'with-change' | 'after-success'; describe: AuditDescribe };

/** 'core': the dispatcher over the open database; 'runtime': db/runtime.ts, which replaces or copies that database. */
export type ServedBy = 'core' | 'runtime';

export interface MethodSpec<I extends z.ZodType, O extends z.ZodType, A extends Access, S extends ServedBy> {
  /** One line for the README's contract table and for error messages. */
  summary: string;
  /** Whether the method writes; writes are durable before they are acknowledged. */
  writes: boolean;
  access: A;
  servedBy: S;
  audit: AuditDecision;
  input: I;
  output: O;
}

export function method<I extends z.ZodType, O extends z.ZodType, A extends Access, S extends ServedBy = 'core'>(
  spec: Omit<MethodSpec<I, O, A, S>, 'servedBy'> & { servedBy?: S },
): MethodSpec<I, O, A, S> {
  return { ...spec, servedBy: spec.servedBy ?? ('core' as S) };
}

export const Empty = z.strictObject({});

/** The usual subject of a patient's record: the encounter named in the input. */
export const byEncounter: AuditDescribe = (i, _o, look) => ({ patientId: look.patientOfEncounter(i.encounterId), target: `encounter:${String(i.encounterId)}` });

/** An entry about the input's encounter, with a more specific target. */
export const onEncounter = (target: (i: Fields, o: Fields) => string): AuditDescribe => (i, o, look) => ({
  patientId: look.patientOfEncounter(i.encounterId),
  target: target(i, o),
});
