/**
 * Wraps the handlers so every patient view and every change writes the audit
 * entry its contract entry declares (its `audit`). A change and its entry commit
 * in one transaction; an asynchronous call (a note export, rendered off the
 * write path) is recorded once it has succeeded.
 */
import type { Caller, Handlers } from '#shared/contract/dispatcher';
import { METHODS, type MethodName } from '#shared/contract/methods';
import type { AuditLookups } from '#shared/contract/method-spec';
import type { AuditLog } from './audit';
import { AuditedRefusal } from './audited-refusal';
import type { Db } from './connection';
import type { EncounterRepository } from './repositories/encounters';
import type { SignedNoteRepository } from './repositories/signed-notes';

export function auditedHandlers(
  handlers: Handlers,
  db: Db,
  audit: AuditLog,
  encounters: EncounterRepository,
  now: () => string,
  signedNotes: SignedNoteRepository,
): Handlers {
  const patientOfEncounter = (id: unknown): string | null => (typeof id === 'string' ? (encounters.patientOf(id) ?? null) : null);
  const encounterOfNote = (id: unknown): string | null => (typeof id === 'string' ? (signedNotes.get(id)?.encounterId ?? null) : null);
  const look: AuditLookups = { patientOfEncounter, encounterOfNote };

  type Call = { caller: Caller | null };
  const wrapped = { ...handlers } as Record<MethodName, (input: unknown, call: Call) => unknown>;
  for (const method of Object.keys(METHODS) as MethodName[]) {
    const decision = METHODS[method].audit;
    // 'self' and 'none': the handler writes its own entries, or there is nothing to record.
    if (typeof decision === 'string') continue;
    const describe = (i: Record<string, unknown>, o: Record<string, unknown>) => decision.describe(i, o, look);
    const inner = wrapped[method];
    const record = (input: unknown, output: unknown, call: Call) => {
      const i = input as Record<string, unknown>;
      // Audited methods all require a session, so the caller is always known here.
      const actor = call.caller?.actor ?? { name: 'unknown', role: 'unknown' };
      audit.append({ at: now(), user: actor, action: method, ...describe(i, (output ?? {}) as Record<string, unknown>) });
    };
    // Made once per method: better-sqlite3 builds a transaction function's wrappers on every db.transaction().
    const changeAndRecord = db.transaction((input: unknown, call: Call) => {
      const output = inner(input, call);
      record(input, output, call);
      return output;
    });
    wrapped[method] = decision.entry === 'with-change'
      ? (input, call) => {
          try {
            return changeAndRecord.immediate(input, call);
          } catch (error) {
            // The change rolled back; a refusal that must be audited (a wrong signing password) still is,
            // with what must outlive the rollback (its count towards the lockout).
            if (error instanceof AuditedRefusal) {
              const patientId = error.event.patientId ?? describe(input as Record<string, unknown>, {}).patientId;
              db.transaction(() => {
                audit.append({ ...error.event, patientId });
                error.also?.();
              }).immediate();
            }
            throw error;
          }
        }
      : async (input, call) => {
          const output = await inner(input, call);
          record(input, output, call);
          return output;
        };
  }
  return wrapped as unknown as Handlers;
}
