/**
 * Wraps the handlers so every patient view and every change writes an audit
 * entry. A synchronous change and its entry commit in one transaction; an
 * asynchronous one (a note export, rendered off the write path) is recorded
 * once it has succeeded.
 */
import type { Caller, Handlers } from '#shared/contract/dispatcher';
import type { MethodName } from '#shared/contract/methods';
import type { AuditLog } from './audit';
import { AuditedRefusal } from './audited-refusal';
import type { Db } from './connection';
import type { EncounterRepository } from './repositories/encounters';
import type { SignedNoteRepository } from './repositories/signed-notes';

type Described = { patientId: string | null; target: string | null };
type Describe = (input: Record<string, unknown>, output: Record<string, unknown>) => Described;

export function auditedHandlers(
  handlers: Handlers,
  db: Db,
  audit: AuditLog,
  encounters: EncounterRepository,
  now: () => string,
  signedNotes: SignedNoteRepository,
): Handlers {
  const patientOfEncounter = (id: unknown): string | null => (typeof id === 'string' ? (encounters.patientOf(id) ?? null) : null);
  const byEncounter: Describe = (i) => ({ patientId: patientOfEncounter(i.encounterId), target: `encounter:${String(i.encounterId)}` });
  const encounterOfNote = (id: unknown): string | null => (typeof id === 'string' ? (signedNotes.get(id)?.encounterId ?? null) : null);
  const byNote: Describe = (i, o) => {
    const encounterId = encounterOfNote(i.noteId);
    return { patientId: patientOfEncounter(encounterId), target: `encounter:${String(encounterId)}/note:${String(i.noteId)}/addendum${typeof o.seq === 'number' ? `:${o.seq}` : ''}` };
  };

  const AUDITED: Partial<Record<MethodName, { sync: boolean; describe: Describe }>> = {
    'patient.create': { sync: true, describe: (_i, o) => ({ patientId: o.id as string, target: `patient:${String(o.id)}` }) },
    'encounter.create': { sync: true, describe: (_i, o) => ({ patientId: o.patientId as string, target: `encounter:${String(o.id)}` }) },
    'encounter.get': { sync: true, describe: byEncounter },
    'encounter.advance': { sync: true, describe: (i, o) => ({ ...byEncounter(i, {}), target: `encounter:${String(i.encounterId)}/state:${String(o.to ?? i.to)}${i.override ? '/override' : ''}` }) },
    'encounter.cancel': { sync: true, describe: (i) => ({ ...byEncounter(i, {}), target: `encounter:${String(i.encounterId)}/state:cancelled` }) },
    'encounter.addRecord': { sync: true, describe: (i, o) => ({ ...byEncounter(i, {}), target: `encounter:${String(i.encounterId)}/record:${typeof o.id === 'string' ? o.id : ''}:${String((i.record as { kind?: string } | undefined)?.kind)}` }) },
    'encounter.voidRecord': { sync: true, describe: (i) => ({ ...byEncounter(i, {}), target: `encounter:${String(i.encounterId)}/record:${String(i.recordId)}/void` }) },
    'encounter.raiseBleedingRisk': { sync: true, describe: (i, o) => ({ ...byEncounter(i, {}), target: `encounter:${String(i.encounterId)}/bleeding-risk:${typeof o.id === 'string' ? o.id : ''}:${String(i.toClass)}` }) },
    'encounter.withdrawBleedingRiskRaise': { sync: true, describe: (i) => ({ ...byEncounter(i, {}), target: `encounter:${String(i.encounterId)}/bleeding-risk:${String(i.raiseId)}/withdraw` }) },
    'checklist.setItem': { sync: true, describe: (i) => ({ ...byEncounter(i, {}), target: `encounter:${String(i.encounterId)}/item:${String(i.itemId)}` }) },
    'consent.save': { sync: true, describe: byEncounter },
    'note.export': { sync: false, describe: byEncounter },
    // Signing and addenda commit with their entry; a wrong password is an audited refusal.
    'note.sign': { sync: true, describe: (i, o) => ({ ...byEncounter(i, {}), target: `encounter:${String(i.encounterId)}/note${typeof o.id === 'string' ? `:${o.id}` : ''}/sign` }) },
    'note.addAddendum': { sync: true, describe: byNote },
    'note.print': { sync: true, describe: (i) => ({ ...byEncounter(i, {}), target: `encounter:${String(i.encounterId)}/note/print` }) },
    'consent.captureSignature': { sync: true, describe: (i, o) => ({ ...byEncounter(i, {}), target: `encounter:${String(i.encounterId)}/signature:${String(o.id)}:${String(i.signer)}:${String(i.method)}` }) },
    'consent.voidSignature': { sync: true, describe: (i) => ({ ...byEncounter(i, {}), target: `encounter:${String(i.encounterId)}/signature:${String(i.signatureId)}/void` }) },
    'note.outboxExports': { sync: true, describe: (i) => ({ ...byEncounter(i, {}), target: `encounter:${String(i.encounterId)}/outbox` }) },
    // note.exportToOutbox and the export.* batch methods write their own entries (db/export/outbox.ts, batch.ts),
    // one per note in the same transaction as its export record, whether started alone or in a batch.
    'note.get': { sync: true, describe: (i) => ({ ...byEncounter(i, {}), target: `encounter:${String(i.encounterId)}/note` }) },
    'followUp.add': { sync: true, describe: (i, o) => ({ ...byEncounter(i, {}), target: `encounter:${String(i.encounterId)}/follow-up:${String(o.id)}` }) },
    'followUp.addDiary': { sync: true, describe: (i, o) => ({ ...byEncounter(i, {}), target: `encounter:${String(i.encounterId)}/pain-diary:${String(o.id)}` }) },
    'followUp.withdraw': { sync: true, describe: (i) => ({ ...byEncounter(i, {}), target: `encounter:${String(i.encounterId)}/${String(i.kind)}:${String(i.id)}/withdraw` }) },
    // Reading a patient's outcomes is a view of their record, like opening an encounter.
    'outcomes.forPatient': { sync: true, describe: (i) => ({ patientId: typeof i.patientId === 'string' ? i.patientId : null, target: `patient:${String(i.patientId)}/outcomes` }) },
    'library.acceptFact': { sync: true, describe: (i) => ({ patientId: null, target: `template:${String(i.templateId)}@${String(i.version)}/fact:${String(i.factId)}` }) },
    'library.publish': { sync: true, describe: (_i, o) => ({ patientId: null, target: `template:${String(o.id)}@${String(o.version)}` }) },
    'library.import': { sync: true, describe: () => ({ patientId: null, target: 'library' }) },
  };

  type Call = { caller: Caller | null };
  const wrapped = { ...handlers } as Record<MethodName, (input: unknown, call: Call) => unknown>;
  for (const [method, spec] of Object.entries(AUDITED) as [MethodName, { sync: boolean; describe: Describe }][]) {
    const inner = handlers[method] as (input: unknown, call: Call) => unknown;
    const record = (input: unknown, output: unknown, call: Call) => {
      const i = input as Record<string, unknown>;
      // Audited methods all require a session, so the caller is always known here.
      const actor = call.caller?.actor ?? { name: 'unknown', role: 'unknown' };
      audit.append({ at: now(), user: actor, action: method, ...spec.describe(i, (output ?? {}) as Record<string, unknown>) });
    };
    // Made once per method: better-sqlite3 builds a transaction function's wrappers on every db.transaction().
    const changeAndRecord = db.transaction((input: unknown, call: Call) => {
      const output = inner(input, call);
      record(input, output, call);
      return output;
    });
    wrapped[method] = spec.sync
      ? (input, call) => {
          try {
            return changeAndRecord.immediate(input, call);
          } catch (error) {
            // The change rolled back; a refusal that must be audited (a wrong signing password) still is,
            // with what must outlive the rollback (its count towards the lockout).
            if (error instanceof AuditedRefusal) {
              const patientId = error.event.patientId ?? spec.describe(input as Record<string, unknown>, {}).patientId;
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
