/**
 * Sample outcomes for the demo patients, so the outcome charts have something
 * to draw on a first run: Adaeze Okafor (today's lumbar MBB) had an
 * interlaminar ESI three months ago and a first lumbar MBB four weeks ago, with
 * follow-ups and a pain diary; Maja Lindqvist had a lumbar RFA eight months ago.
 *
 * Follow-ups and the diary go through the dispatcher like any caller's. A past
 * procedure cannot: walking it through the procedure day needs a signed
 * time-out (a password the demo does not have), and its records would carry
 * today's time. So its state history and pre-procedure vitals are written
 * directly, dated on its day, each transition saying it is sample data, and
 * each with its audit entry in the same transaction.
 */
import type { Caller, Dispatch } from '#shared/contract/dispatcher';
import type { AddDiaryInput, AddFollowUpInput } from '#shared/contract/follow-up';
import type { EncounterState } from '#shared/workflow/states';
import type { AuditLog } from './audit';
import type { Db } from './connection';
import type { WorkflowRepository } from './repositories/workflow';

export interface DemoOutcomeDeps {
  dispatch: Dispatch;
  token: string;
  caller: Caller;
  db: Db;
  workflow: WorkflowRepository;
  audit: AuditLog;
  newId: () => string;
  now: () => string;
}

const SAMPLE_REASON = 'Sample data: a past procedure added with the demo patients (no checks were run).';
const DONE_PATH: readonly EncounterState[] = ['scheduled', 'pre-procedure', 'time-out', 'procedure', 'recovery', 'discharged'];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
/** Mid-afternoon UTC: the same calendar day as `date` in every clinic zone from UTC−12 to UTC+8, and never earlier. */
const on = (date: string, hh = '15:00') => `${date}T${hh}:00.000Z`;

const fn = (work: number, sleep: number, dailyActivities: number) => ({ work, sleep, dailyActivities });

interface PastProcedure {
  mrn: string;
  daysAgo: number;
  plan: { templateId: string; levels: string[]; laterality: 'left' | 'right' | 'bilateral' | null; indication: string };
  baselinePain: number | null;
  followUps: (date: (days: number) => string) => Omit<AddFollowUpInput, 'encounterId'>[];
  diary?: (date: (days: number) => string) => Omit<AddDiaryInput, 'encounterId'>;
}

const PAST: readonly PastProcedure[] = [
  {
    mrn: 'DEMO-1002',
    daysAgo: 98,
    plan: { templateId: 'lumbar-interlaminar-esi', levels: ['L4-L5'], laterality: null, indication: 'Axial and bilateral buttock pain, suspected discogenic; trial of an interlaminar ESI.' },
    baselinePain: 8,
    followUps: (d) => [
      { seenAt: on(d(14)), painScore: 5, function: fn(6, 5, 5), percentRelief: 40, reliefDuration: { value: 2, unit: 'weeks' }, reliefOngoing: true, notes: 'Partial relief; still worse on extension.' },
      { seenAt: on(d(42)), painScore: 7, function: fn(7, 6, 7), percentRelief: 10, reliefDuration: { value: 4, unit: 'weeks' }, reliefOngoing: false, notes: 'Relief wore off; axial pain on extension persists. Facet work-up planned.' },
    ],
  },
  {
    mrn: 'DEMO-1002',
    daysAgo: 28,
    plan: { templateId: 'lumbar-medial-branch-block', levels: ['L3', 'L4'], laterality: 'bilateral', indication: 'Axial low back pain worse on extension; first diagnostic medial branch block.' },
    baselinePain: 7,
    diary: (d) => ({
      blockAt: on(d(0), '14:00'),
      baseline: 7,
      localAnaesthetic: 'bupivacaine 0.5%, 0.5 mL per level',
      entries: [
        { hours: 0.5, score: 2 }, { hours: 1, score: 1 }, { hours: 2, score: 1 }, { hours: 4, score: 2 },
        { hours: 6, score: 3 }, { hours: 8, score: 5 }, { hours: 12, score: 6 }, { hours: 24, score: 7 },
      ],
      notes: 'Diary returned at the follow-up call; walked without pain for the first hours.',
    }),
    followUps: (d) => [
      { seenAt: on(d(2)), painScore: 7, function: fn(7, 5, 6), percentRelief: 0, reliefDuration: { value: 8, unit: 'hours' }, reliefOngoing: false, notes: 'Back to baseline the next day, as expected after a diagnostic block.' },
    ],
  },
  {
    mrn: 'DEMO-1003',
    daysAgo: 240,
    plan: { templateId: 'lumbar-medial-branch-rfa', levels: ['L4', 'L5 dorsal ramus'], laterality: 'left', indication: 'Left-sided facet-mediated low back pain after two positive medial branch blocks.' },
    baselinePain: 7,
    followUps: (d) => [
      { seenAt: on(d(30)), painScore: 3, function: fn(3, 2, 3), percentRelief: 60, reliefDuration: { value: 4, unit: 'weeks' }, reliefOngoing: true, notes: 'Mild neuritis in the first week, settled.' },
      { seenAt: on(d(210)), painScore: 3, function: fn(2, 2, 2), percentRelief: 60, reliefDuration: { value: 7, unit: 'months' }, reliefOngoing: true, notes: 'Relief continues.' },
    ],
  },
];

async function call<T>(deps: DemoOutcomeDeps, method: string, input: unknown): Promise<T> {
  const result = await deps.dispatch(method, input, deps.token);
  if (!result.ok) throw new Error(`demo outcomes: ${method}: ${result.error.message}`);
  return result.value as T;
}

/** Marks a past demo encounter as done on its day, with the baseline pain, each write audited. */
function recordPastDay(deps: DemoOutcomeDeps, encounterId: string, patientId: string, day: string, baselinePain: number | null): void {
  const user = deps.caller.actor;
  deps.db.transaction(() => {
    if (baselinePain !== null) {
      const id = deps.newId();
      deps.workflow.addRecord(id, encounterId, {
        kind: 'vitals',
        data: { phase: 'pre-procedure', systolic: null, diastolic: null, heartRate: null, spo2: null, respiratoryRate: null, painScore: baselinePain, note: 'Sample data' },
      }, on(day, '13:00'), user);
      deps.audit.append({ at: deps.now(), user, patientId, action: 'encounter.addRecord', target: `encounter:${encounterId}/record:${id}:vitals/sample-data` });
    }
    DONE_PATH.slice(1).forEach((to, i) => {
      const from = DONE_PATH[i]!;
      deps.workflow.transition(encounterId, from, to, on(day, `${String(13 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`), user, SAMPLE_REASON, []);
      deps.audit.append({ at: deps.now(), user, patientId, action: 'encounter.advance', target: `encounter:${encounterId}/state:${to}/sample-data` });
    });
  }).immediate();
}

/** Adds the past procedures and their outcomes; run right after seedDemo on an empty database. */
export async function seedDemoOutcomes(deps: DemoOutcomeDeps, today: string): Promise<boolean> {
  for (const past of PAST) {
    const [patient] = await call<{ id: string }[]>(deps, 'patient.search', { query: past.mrn });
    if (!patient) throw new Error(`demo outcomes: no demo patient ${past.mrn}`);
    const day = addDays(today, -past.daysAgo);
    const encounter = await call<{ id: string }>(deps, 'encounter.create', { patientId: patient.id, ...past.plan, plannedDate: day });
    recordPastDay(deps, encounter.id, patient.id, day, past.baselinePain);
    const date = (days: number) => addDays(day, days);
    if (past.diary) await call(deps, 'followUp.addDiary', { encounterId: encounter.id, ...past.diary(date) });
    for (const f of past.followUps(date)) await call(deps, 'followUp.add', { encounterId: encounter.id, ...f });
  }
  return true;
}
