import { useId, useState, type FormEvent } from 'react';
import { doseProblem, type InjectatePlan } from '#shared/contract/workflow';
import { injectatePlanLines, injectateSteroidCheck, plannedInjectate } from '#shared/domain/encounter-workflow';
import type { Template } from '#shared/library/schema';
import { SOURCES } from '#shared/library/sources';
import { plannedSteroidCheck, type SteroidCheck } from '#shared/workflow/steroid-warning';
import { procedureTraits, type ProcedureTraits } from '#shared/workflow/traits';
import { useEncounter } from '../stores/encounter';
import { useWorkflow } from '../stores/workflow';
import { useSession } from '../stores/session';
import { EvidenceBadges } from './EvidenceBadges';
import { FormFooter } from './FormFooter';
import { useFormSave } from './useFormSave';
import { formatRecordTime } from './RecordHistory';

const CITATIONS = SOURCES.map((s) => ({ id: s.id, citation: s.citation }));

/** The error for a field: a key equal to the path, or ending in ".path" (the input path's last segments). */
function errorAt(errors: Record<string, string>, path: string): string | undefined {
  const key = Object.keys(errors).find((k) => k === path || k.endsWith(`.${path}`));
  return key === undefined ? undefined : errors[key];
}

const HEADINGS: Partial<Record<SteroidCheck['status'], (check: SteroidCheck) => string>> = {
  'hard-stop': (c) => `Hard stop at the time-out: particulate steroid for ${c.rule!.route}.`,
  confirm: (c) => `Not recognised: a physician must confirm it is nonparticulate before ${c.rule!.route}.`,
  caution: (c) => `Caution: ${c.steroid?.particulate === true ? 'particulate steroid' : 'steroid not recognised'} for ${c.rule!.route}.`,
};

/**
 * The steroid check as the team reads it: a hard stop and a required confirmation as an
 * alert, a caution as a notice, anything else as a plain status line; each with its sources.
 */
export function SteroidCheckNotice({ check, live = false }: { check: SteroidCheck; live?: boolean }) {
  if (check.status === 'no-plan') return null;
  const heading = HEADINGS[check.status]?.(check);
  const badges = check.sources.length > 0 && <EvidenceBadges sources={check.sources} citations={CITATIONS} />;
  if (check.status === 'hard-stop' || check.status === 'confirm') {
    return (
      <div role="alert" className="steroid-warning" data-status={check.status}>
        <strong>{heading}</strong>
        <p>{check.message}</p>
        {badges}
        <p className="muted">
          {check.status === 'hard-stop'
            ? `${live ? 'Saved as planned, this' : 'This'} stops the move from the time-out to the procedure: plan a nonparticulate steroid, or a physician overrides with a reason.`
            : 'The time-out cannot end until a physician confirms the product, signed with their password.'}
        </p>
      </div>
    );
  }
  if (check.status === 'caution') {
    return (
      <div role="status" className="steroid-caution" data-status={check.status}>
        <strong>{heading}</strong>
        <p>{check.message}</p>
        {badges}
        <p className="muted">A caution: it does not stop the time-out.</p>
      </div>
    );
  }
  return (
    <div role="status" className="steroid-ok" data-status={check.status}>
      <p>{check.message}</p>
      {badges}
    </div>
  );
}

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
          {live && <SteroidCheckNotice check={live} live />}
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
        <FormFooter errors={formErrors} busy={busy} submitLabel={submitLabel} doneText={savedAt ? `Planned injectate saved ${savedAt}` : null} />
      </fieldset>
    </form>
  );
}

/** A physician's signed statement that the planned steroid, which the table does not recognise, is nonparticulate. */
function ConfirmNonparticulate({ plan, onConfirm }: { plan: InjectatePlan; onConfirm: (password: string) => Promise<Record<string, string> | null> }) {
  const id = useId();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!password) return setError('Enter your password to sign the confirmation.');
    setBusy(true);
    const result = await onConfirm(password);
    setBusy(false);
    setPassword('');
    setError(result ? (Object.values(result)[0] ?? 'Not confirmed.') : null);
  }
  return (
    <form className="record-form subform" aria-label="Confirm the steroid is nonparticulate" onSubmit={(e) => void submit(e)} noValidate>
      <p>
        I have checked the vial: <strong>{plan.steroid?.name}</strong> is a nonparticulate steroid. Your name, the time and this statement are recorded.
      </p>
      <div className="row">
        <div className="field">
          <label>
            Your password (signs the confirmation)
            <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)}
              aria-invalid={!!error} aria-describedby={error ? `${id}-error` : undefined} />
          </label>
          {error && <p id={`${id}-error`} role="alert" className="error field-error">{error}</p>}
        </div>
        <button type="submit" className="primary" disabled={busy}>Confirm nonparticulate (signed)</button>
      </div>
    </form>
  );
}

/**
 * The planned injectate of the open encounter: what stands now (who recorded it and when),
 * its steroid check, the physician's confirmation where one is needed, and the form to
 * record it or, once recorded, to correct it (a correction is a new record).
 */
export function InjectatePlanSection({ template, disabled }: { template: Template; disabled: boolean }) {
  const records = useEncounter((s) => s.detail!.records);
  const timeZone = useEncounter((s) => s.settings?.timeZone);
  const addRecord = useWorkflow((s) => s.addRecord);
  const role = useSession((s) => s.user?.role);
  const headingId = useId();
  const traits = procedureTraits(template);
  const standing = plannedInjectate(records);
  const check = injectateSteroidCheck(template, records);
  const save = (plan: InjectatePlan, password?: string) => addRecord({ kind: 'injectate-plan', data: plan }, password);

  return (
    <section className="card injectate" aria-labelledby={headingId}>
      <h2 id={headingId}>Planned injectate</h2>
      {standing ? (
        <>
          <ul className="read-back" aria-label="Planned injectate as recorded">
            {injectatePlanLines(standing.entry.data).map((line) => <li key={line}>{line}</li>)}
          </ul>
          <p className="muted">Recorded by {standing.by.name} ({standing.by.role}), {formatRecordTime(standing.at, timeZone)}.</p>
          <SteroidCheckNotice check={check} />
          {check.status === 'confirm' && (role === 'physician'
            ? <ConfirmNonparticulate plan={standing.entry.data} onConfirm={(password) => save({ ...standing.entry.data, nonParticulateConfirmed: true }, password)} />
            : <p className="notice">A physician confirms the product at the time-out, signed with their password.</p>)}
          <details className="record-forms">
            <summary>Correct the planned injectate…</summary>
            <InjectatePlanForm key={standing.id} traits={traits} current={standing.entry.data} disabled={disabled} submitLabel="Save the corrected plan" onSubmit={(plan) => save(plan)} />
          </details>
        </>
      ) : (
        <>
          <p className="empty">Not recorded yet. Record it before the time-out: the time-out checks the steroid against the route and reads the plan back.</p>
          <InjectatePlanForm traits={traits} disabled={disabled} onSubmit={(plan) => save(plan)} />
        </>
      )}
    </section>
  );
}

/** The plan read back beside the time-out item "steroid type confirmed". */
export function InjectateReadBack({ template }: { template: Template }) {
  const records = useEncounter((s) => s.detail!.records);
  const standing = plannedInjectate(records);
  if (!standing) return <p className="read-back-missing">No planned injectate is recorded: record it under “Planned injectate” before checking this item.</p>;
  return (
    <div className="read-back-box">
      <p className="read-back-title">Read back:</p>
      <ul className="read-back">
        {injectatePlanLines(standing.entry.data).map((line) => <li key={line}>{line}</li>)}
      </ul>
      <SteroidCheckNotice check={injectateSteroidCheck(template, records)} />
    </div>
  );
}
