import type { ChecklistItemState } from '#shared/contract/checklist';
import type { Actor } from '#shared/contract/common';
import { currentFacts, type PatientFact } from '#shared/contract/patient-facts';
import { injectatePlanLines, plannedInjectate } from '#shared/domain/encounter-workflow';
import type { Template } from '#shared/library/schema';
import { useChecklist } from '../stores/checklist';
import { useEncounter } from '../stores/encounter';
import { encounterVerdict, factLine } from './PatientHeader';
import { SteroidLedgerFold } from './SteroidLedgerFold';
import { firstError, useFormSave } from './useFormSave';
import { useClinicTime } from './useClinicTime';

/** The time-out items that ask the team to confirm aloud what the read-back shows: one confirmation answers them. */
export const READ_BACK_ITEMS = ['wf-verbal-confirmation', 'wf-side-confirmed-aloud', 'wf-anticoagulant-status-confirmed'] as const;

interface Line { what: string; text: string; by: Actor | null; at: string | null }

/**
 * At the top of the time-out: the answers given earlier, read back for the team, each with
 * who recorded it and when, so the time-out confirms them aloud instead of asking each again.
 * "Read back and confirmed by the team" answers the time-out items that ask for that.
 */
export function TimeOutReadBack({ template }: { template: Template }) {
  const detail = useEncounter((s) => s.detail)!;
  const settings = useEncounter((s) => s.settings);
  const items = useChecklist((s) => s.items);
  const setItem = useChecklist((s) => s.setItem);
  const clock = useClinicTime();
  const { errors, busy, save } = useFormSave();
  if (!settings) return null;
  const { patient, encounter, patientFacts } = detail;
  const confirmation = patientFacts.confirmations.at(-1) ?? null;
  const standing = currentFacts(patientFacts.facts);
  const item = (id: string): Pick<Line, 'by' | 'at'> => {
    const s: ChecklistItemState | undefined = items[id];
    return s && s.status !== 'unchecked' ? { by: s.updatedBy, at: s.updatedAt } : { by: null, at: null };
  };
  const facts = (kind: PatientFact['entry']['kind'], none: string): Line => {
    const of = standing.filter((f) => f.entry.kind === kind);
    const text = of.length ? of.map((f) => factLine(f, settings.timeZone)).join('; ') : none;
    return { what: '', text, by: confirmation?.by ?? of.at(-1)?.by ?? null, at: confirmation?.at ?? of.at(-1)?.at ?? null };
  };
  const injectate = plannedInjectate(detail.records);
  const verdict = encounterVerdict(detail, template, settings);
  const side = encounter.laterality ? `, ${encounter.laterality}` : '';
  const lines: Line[] = [
    { what: 'Patient', text: `${patient.givenName} ${patient.familyName}, born ${patient.birthDate}, MRN ${patient.mrn}`, ...item('wf-identity-two-identifiers') },
    { what: 'Procedure', text: `${template.name}: ${encounter.levels.join(', ') || 'no level'}${side}`, ...item('wf-procedure-site-confirmed') },
    { ...facts('allergy', 'No known allergies'), what: 'Allergies' },
    { ...facts('pregnancy', 'Not recorded as a fact'), what: 'Pregnancy', ...(standing.some((f) => f.entry.kind === 'pregnancy') ? {} : item('wf-pregnancy-status')) },
    { ...facts('diabetes', 'Not recorded'), what: 'Diabetes' },
    { what: 'Infection screen', text: items['wf-infection-screen']?.status === 'checked' ? 'No fever or infection at the site' : 'Not yet answered', ...item('wf-infection-screen') },
    { what: 'Anticoagulants', text: verdict.text, by: confirmation?.by ?? null, at: confirmation?.at ?? null },
    { what: 'Planned injectate', text: injectate ? injectatePlanLines(injectate.entry.data).join('; ') : 'Not recorded', by: injectate?.by ?? null, at: injectate?.at ?? null },
  ];
  const open = READ_BACK_ITEMS.filter((id) => id in items ? items[id]!.status === 'unchecked' : true);
  const closed = encounter.state !== 'time-out';
  return (
    <section className="card read-back-box" aria-labelledby="time-out-read-back">
      <h3 id="time-out-read-back">Time-out read-back: answers given earlier</h3>
      <dl className="summary">
        {lines.map((l) => (
          <div key={l.what}>
            <dt>{l.what}</dt>
            <dd>{l.text} <span className="muted">{l.by && l.at ? `(${l.by.name}, ${clock.time(l.at)})` : '(not yet recorded)'}</span></dd>
          </div>
        ))}
      </dl>
      <SteroidLedgerFold />
      {!closed && open.length > 0 && (
        <button type="button" className="primary" disabled={busy}
          onClick={() => void save(async () => { for (const id of open) if (!(await setItem(id, 'checked'))) return { form: 'The confirmation was not saved; try again.' }; return null; })}>
          Read back aloud and confirmed by the team
        </button>
      )}
      {firstError(errors) && <p role="alert" className="error">{firstError(errors)}</p>}
    </section>
  );
}
