import { useId, useState, type FormEvent } from 'react';
import { doseProblem, type InjectatePlan } from '#shared/contract/encounter-records';
import { plannedSteroidCheck } from '#shared/workflow/steroid-warning';
import type { ProcedureTraits } from '#shared/workflow/traits';
import { FormFooter } from './FormFooter';
import { errorAt } from './outcome-form-helpers';
import { SteroidCheckNotice } from './SteroidCheckNotice';
import { useFormSave } from './useFormSave';

interface Draft {
  noSteroid: boolean;
  steroidName: string;
  steroidDose: string;
  laName: string;
  laDose: string;
  contrastName: string;
  contrastDose: string;
}

function draftOf(plan: InjectatePlan | null): Draft {
  return {
    noSteroid: plan ? plan.steroid === null : false,
    steroidName: plan?.steroid?.name ?? '',
    steroidDose: plan?.steroid?.dose ?? '',
    laName: plan?.localAnaesthetic?.name ?? '',
    laDose: plan?.localAnaesthetic?.dose ?? '',
    contrastName: plan?.contrast?.name ?? '',
    contrastDose: plan?.contrast?.dose ?? '',
  };
}

export interface InjectatePlanFormProps {
  /** Decides the live steroid check (the route's rule). */
  traits: ProcedureTraits;
  /** The plan standing now, when this form corrects it. */
  current?: InjectatePlan | null;
  disabled?: boolean;
  submitLabel?: string;
  /** Resolves null when stored, or errors keyed by input path ('record.data.steroid.dose', 'form'). */
  onSubmit: (plan: InjectatePlan) => Promise<Record<string, string> | null>;
}

/**
 * What is planned for injection, entered before the time-out: the steroid (or none) with its
 * dose, the local anaesthetic and the contrast. While the steroid is typed it is checked
 * against the route, so a particulate steroid for a cervical transforaminal injection shows
 * at once. A dose needs its unit; the error shows beside the field. Presentational.
 */
export function InjectatePlanForm({ traits, current = null, disabled = false, submitLabel = 'Save planned injectate', onSubmit }: InjectatePlanFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(current));
  const { errors, busy, savedAt, check, save } = useFormSave();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const typed = draft.noSteroid ? { steroid: null, nonParticulateConfirmed: false } : draft.steroidName.trim() ? { steroid: { name: draft.steroidName }, nonParticulateConfirmed: false } : null;
  const live = typed ? plannedSteroidCheck(traits, typed) : null;

  function localProblems(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!draft.noSteroid) {
      if (!draft.steroidName.trim()) out['steroid.name'] = 'Name the steroid, or tick “No steroid planned”.';
      const p = doseProblem(draft.steroidDose);
      if (p) out['steroid.dose'] = `Steroid dose: ${p}.`;
    }
    if (draft.laName.trim()) {
      const p = doseProblem(draft.laDose);
      if (p) out['localAnaesthetic.dose'] = `Local anaesthetic dose: ${p}.`;
    } else if (draft.laDose.trim()) out['localAnaesthetic.name'] = 'Name the local anaesthetic, or leave both empty.';
    if (draft.contrastName.trim()) {
      const p = draft.contrastDose.trim() ? doseProblem(draft.contrastDose) : null;
      if (p) out['contrast.dose'] = `Contrast dose: ${p}.`;
    } else if (draft.contrastDose.trim()) out['contrast.name'] = 'Name the contrast agent, or leave both empty.';
    return out;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (disabled || !check(localProblems())) return;
    await save(() => onSubmit({
      steroid: draft.noSteroid ? null : { name: draft.steroidName.trim(), dose: draft.steroidDose.trim() },
      localAnaesthetic: draft.laName.trim() ? { name: draft.laName.trim(), dose: draft.laDose.trim() } : null,
      contrast: draft.contrastName.trim() ? { name: draft.contrastName.trim(), dose: draft.contrastDose.trim() } : null,
      nonParticulateConfirmed: false,
    }));
  }

  const FIELDS = ['steroid.name', 'steroid.dose', 'localAnaesthetic.name', 'localAnaesthetic.dose', 'contrast.name', 'contrast.dose'];
  const formErrors = Object.entries(errors).filter(([k]) => k === 'form' || !FIELDS.some((f) => k === f || k.endsWith(`.${f}`))).map(([, v]) => v);
  const field = (path: string) => {
    const error = errorAt(errors, path);
    const errorId = `${id}-${path.replace(/\./g, '-')}-error`;
    return {
      aria: { 'aria-invalid': !!error, 'aria-describedby': error ? errorId : undefined },
      node: error ? <p id={errorId} className="error field-error">{error}</p> : null,
    };
  };
  const sName = field('steroid.name');
  const sDose = field('steroid.dose');
  const laName = field('localAnaesthetic.name');
  const laDose = field('localAnaesthetic.dose');
  const cName = field('contrast.name');
  const cDose = field('contrast.dose');

  return (
    <form className="record-form injectate-form" aria-label="Planned injectate" aria-busy={busy} onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="bare" disabled={disabled}>
        <fieldset>
          <legend>Steroid</legend>
          <label className="choice">
            <input type="checkbox" checked={draft.noSteroid} onChange={(e) => set({ noSteroid: e.target.checked })} />
            No steroid planned
          </label>
          {!draft.noSteroid && (
            <div className="row">
              <div className="field grow">
                <label>
                  Steroid, as on the vial (brand or generic)
                  <input type="text" autoComplete="off" value={draft.steroidName} onChange={(e) => set({ steroidName: e.target.value })} {...sName.aria} />
                </label>
                {sName.node}
              </div>
              <div className="field">
                <label>
                  Steroid dose, with its unit (e.g. 10 mg)
                  <input type="text" autoComplete="off" value={draft.steroidDose} onChange={(e) => set({ steroidDose: e.target.value })} {...sDose.aria} />
                </label>
                {sDose.node}
              </div>
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>Local anaesthetic (leave empty if none)</legend>
          <div className="row">
            <div className="field grow">
              <label>
                Local anaesthetic
                <input type="text" autoComplete="off" value={draft.laName} onChange={(e) => set({ laName: e.target.value })} {...laName.aria} />
              </label>
              {laName.node}
            </div>
            <div className="field">
              <label>
                Local anaesthetic dose, with its unit
                <input type="text" autoComplete="off" value={draft.laDose} onChange={(e) => set({ laDose: e.target.value })} {...laDose.aria} />
              </label>
              {laDose.node}
            </div>
          </div>
        </fieldset>
        <fieldset>
          <legend>Contrast (leave empty if none)</legend>
          <div className="row">
            <div className="field grow">
              <label>
                Contrast agent
                <input type="text" autoComplete="off" value={draft.contrastName} onChange={(e) => set({ contrastName: e.target.value })} {...cName.aria} />
              </label>
              {cName.node}
            </div>
            <div className="field">
              <label>
                Contrast volume, with its unit (optional)
                <input type="text" autoComplete="off" value={draft.contrastDose} onChange={(e) => set({ contrastDose: e.target.value })} {...cDose.aria} />
              </label>
              {cDose.node}
            </div>
          </div>
        </fieldset>
        {/* After the fields, not between them: its Sources button would stand in the Tab path from steroid to local anaesthetic. */}
        {live && <SteroidCheckNotice check={live} live />}
        <FormFooter errors={formErrors} busy={busy} submitLabel={submitLabel} doneText={savedAt ? `Planned injectate saved ${savedAt}` : null} />
      </fieldset>
    </form>
  );
}
