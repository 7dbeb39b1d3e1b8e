/**
 * Child process for the crash harness: opens the real core on a data folder and
 * runs the real write paths through the dispatcher, printing one JSON line per
 * write only after the dispatcher acknowledged it (the write is on disk). The
 * parent kills this process with SIGKILL at a random moment.
 *   node crash-writer.mjs <dataDir> <runTag>
 * Every write touches a row no earlier write touched, so each acknowledgement
 * names exactly one row whose final content the parent can check.
 */
import { buildChecklist } from '#shared/domain/checklist';
import { LIBRARY } from '#shared/library/index';
import { openCore } from '../core';
import { TEST_PASSWORD, TEST_PASSWORD_COST, withAct } from './temp-core';

const [dataDir, runTag] = process.argv.slice(2) as [string, string];
// Signs in as the nurse and the physician of this run (accounts created on first use).
const core = withAct(openCore({ dataDir, passwordCost: TEST_PASSWORD_COST }));
const nurse = { name: `Crash Nurse ${runTag}`, role: 'nurse' } as const;
const physician = { name: `Crash Physician ${runTag}`, role: 'physician' } as const;

function ack(line: object): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function must<T>(method: string, input: unknown): Promise<T> {
  const envelope = await core.act(method, input);
  if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

async function run(): Promise<void> {
  ack({ op: 'ready' });
  for (let n = 0; ; n++) {
    const template = LIBRARY[n % LIBRARY.length]!;
    const patient = await must<{ id: string; mrn: string }>('patient.create', {
      actor: nurse, mrn: `C${runTag}-${n}`, familyName: `Kill${n}`, givenName: 'Signal', birthDate: '1960-01-01', sex: 'unknown',
    });
    ack({ op: 'patient', id: patient.id, mrn: patient.mrn });
    const encounter = await must<{ id: string }>('encounter.create', {
      actor: nurse, patientId: patient.id, templateId: template.id,
      levels: template.levels ? [template.levels.options[0]] : [], laterality: template.lateralityRequired ? 'right' : null,
      plannedDate: '2026-11-24', indication: `Crash run ${runTag} #${n}`,
    });
    ack({ op: 'encounter', id: encounter.id, patientId: patient.id });
    const items = buildChecklist(template).flatMap((s) => s.items).slice(0, 12);
    for (const [i, item] of items.entries()) {
      const status = i % 4 === 3 ? 'not-applicable' : 'checked';
      const reason = status === 'not-applicable' ? `reason ${i}` : undefined;
      await must('checklist.setItem', { actor: nurse, encounterId: encounter.id, itemId: item.id, status, ...(reason ? { reason } : {}) });
      ack({ op: 'item', encounterId: encounter.id, itemId: item.id, status, reason: reason ?? null });
    }
    // Every field given, so what is stored is exactly what was sent (no defaults filled in).
    const consent = {
      discussedAt: '2026-11-24T14:00:00.000Z', place: `Room ${n}`, diagnosis: `Diagnosis ${n}`,
      benefitsDiscussed: true, benefitsNote: `benefits ${n}`, alternativesDiscussed: n % 2 === 0, alternativesNote: '',
      questions: [{ question: `Q${n}?`, answer: `A${n}.` }], teachBack: `In my words ${n}`,
      capacity: n % 3 === 0 ? { kind: 'surrogate', name: `Surrogate ${n}`, relationship: 'son', reason: 'delirium' } : { kind: 'patient-has-capacity' },
      present: [{ name: 'Nina Nurse', role: 'nurse' }],
      interpreter: n % 2 === 0 ? { used: true, language: 'es', interpreterId: `I-${n}`, mode: 'phone' } : { used: false },
      decision: 'consents',
    };
    await must('consent.save', { actor: physician, encounterId: encounter.id, ...consent });
    ack({ op: 'consent', encounterId: encounter.id, consent });
    // Signing (the physician's password again) and an addendum: each its own transaction with its audit entry.
    const note = await must<{ id: string; contentSha256: string }>('note.sign', {
      actor: physician, encounterId: encounter.id, password: TEST_PASSWORD, attestation: `Attested in crash run ${runTag} #${n}.`,
    });
    ack({ op: 'note', encounterId: encounter.id, id: note.id, contentSha256: note.contentSha256 });
    const addendum = await must<{ id: string; seq: number; contentSha256: string }>('note.addAddendum', {
      actor: n % 2 ? nurse : physician, noteId: note.id, reason: `Correction ${n}`, text: `Addendum text ${runTag}-${n}: ñ`, password: TEST_PASSWORD,
    });
    ack({ op: 'addendum', noteId: note.id, id: addendum.id, seq: addendum.seq, contentSha256: addendum.contentSha256, text: `Addendum text ${runTag}-${n}: ñ` });
  }
}

run().catch((error: unknown) => {
  process.stderr.write(`crash-writer failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
});
