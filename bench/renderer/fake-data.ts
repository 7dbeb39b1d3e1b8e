/**
 * What the renderer benchmark shows: a worklist of 100,000 encounters and a
 * checklist of 150 items. Built in the page before anything is timed, in the
 * shapes the contract gives the screens.
 */
import type { WorklistRow } from '#shared/contract/encounter';
import { buildChecklist, type ChecklistSection } from '#shared/domain/checklist';
import { LIBRARY } from '#shared/library/index';
import { ENCOUNTER_STATES } from '#shared/workflow/states';

const FAMILY = ['García', 'Núñez-García', 'Smith', "O'Brien", 'Peña', 'Ibáñez-Olmos', 'Nguyen', 'Müller', 'Rodríguez López', 'Abernathy-Kuti'];
const GIVEN = ['María José', 'Iñaki', 'John', 'Siobhán', 'Ana', 'Chloé', 'Minh', 'Jürgen', 'Lucía', 'Kwame'];

export const BENCH_DATE = '2026-06-01';

export function worklistRows(count: number): WorklistRow[] {
  const rows: WorklistRow[] = [];
  for (let i = 0; i < count; i++) {
    const template = LIBRARY[i % LIBRARY.length]!;
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    rows.push({
      encounter: {
        id, patientId: id, templateId: template.id, templateVersion: 1, levels: template.levels ? [template.levels.options[0]!] : [],
        laterality: template.lateralityRequired ? 'left' : null, imagingModality: 'fluoroscopy', plannedDate: BENCH_DATE,
        indication: 'Left L5 radicular pain.', createdAt: '2026-05-20T09:00:00.000Z', createdBy: { name: 'Nina Nurse', role: 'nurse' },
        state: ENCOUNTER_STATES[i % ENCOUNTER_STATES.length]!, sedationPlanned: false, visitNumber: null, location: null,
      },
      patient: { id, mrn: `MRN${String(1_000_000 + i)}`, familyName: FAMILY[i % FAMILY.length]!, givenName: GIVEN[(i * 7) % GIVEN.length]!, birthDate: '1960-02-29', sex: 'female', language: null, payer: null, createdAt: '2020-01-01T00:00:00.000Z' },
      templateName: template.name,
      progress: { done: i % 80, total: 80 },
      decision: i % 3 === 0 ? 'consents' : null,
      anticoagulant: { status: 'none', text: 'No anticoagulant or antiplatelet recorded', plannedStartAt: null, drugs: [] },
    });
  }
  return rows;
}

/** One section of 150 items: a real template's checklist, repeated with new ids until there are 150. */
export function checklistSection(count: number): ChecklistSection {
  const template = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi') ?? LIBRARY[0]!;
  const source = buildChecklist(template).flatMap((s) => s.items);
  const items = Array.from({ length: count }, (_, i) => {
    const item = source[i % source.length]!;
    return { ...item, id: `${item.id}-${i}` };
  });
  return { id: 'risks', title: 'Risks discussed', items };
}
