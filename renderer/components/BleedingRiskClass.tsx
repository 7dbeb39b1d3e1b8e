import { useId, useState, type FormEvent } from 'react';
import { RAISE_REASONS, type BleedingRiskRaise, type RaiseReason } from '#shared/contract/encounter-bleeding-risk';
import type { RiskClass } from '#shared/domain/anticoagulant-check';
import {
  basisText,
  CLASS_LABEL,
  DEEP_BLOCK_EXCEPTION,
  RAISE_REASON_LABEL,
  raiseOptions,
  type EncounterBleedingRisk,
} from '#shared/domain/bleeding-risk';
import { clinicDateTime } from '#shared/domain/clinic-time';
import type { FormResult } from '../api/client';
import type { Template } from '#shared/library/schema';
import { SOURCES } from '#shared/library/sources';
import { EvidenceBadges } from './EvidenceBadges';
import { FormFooter } from './FormFooter';
import { errorAt, formLevel } from './outcome-form-helpers';
import { VoidControl } from './VoidControl';
import { useFormSave } from './useFormSave';


export interface BleedingRiskClassProps {
  /** The encounter's class and why (encounterRisk / anticoagulantCheck). */
  risk: EncounterBleedingRisk;
  /** Every raise, voided ones included: the voided ones stay visible with who, when and why. */
  raises: readonly BleedingRiskRaise[];
  template: Template;
  /** A physician may raise the class and void a raise; everyone else reads it. */
  canRaise: boolean;
  disabled?: boolean;
  timeZone: string;
  onRaise: (raise: { toClass: RiskClass; reasonCategory: RaiseReason; reason: string }) => Promise<FormResult>;
  onVoid: (raiseId: string, reason: string) => Promise<FormResult>;
}

const REASON_MIN = 5;

/**
 * The class the anticoagulant check uses, with each reason: the template's
 * class, the patient factors, each physician's raise. A physician raises it
 * here (class, reason, text) and may void a raise recorded in error.
 */
export function BleedingRiskClass({ risk, raises, template, canRaise, disabled = false, timeZone, onRaise, onVoid }: BleedingRiskClassProps) {
  const headingId = useId();
  const when = (iso: string) => safeFormat(iso, timeZone);
  const asipp = template.bleedingRisk.asipp2024;
  const voided = raises.filter((r) => r.voided);
  return (
    <section className="card bleeding-risk" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Bleeding-risk class: <span className={`risk-class ${risk.riskClass}`}>{CLASS_LABEL[risk.riskClass]}</span>
      </h3>
      <p className="muted">
        The anticoagulant check uses this class: the highest of the procedure template&apos;s class, the class the patient factors give, and any physician&apos;s raise.
      </p>
      <ul className="risk-basis" aria-label="Why this class">
        {risk.basis.map((b) => (
          <li key={b.kind === 'physician' ? b.raise.id : b.kind}>
            {basisText(b, when)}
            {b.kind === 'template' && <EvidenceBadges sources={b.sources} citations={SOURCES} />}
            {b.kind === 'patient-factors' && <EvidenceBadges sources={b.sources} citations={SOURCES} />}
            {b.kind === 'physician' && canRaise && !disabled && (
              <VoidControl what={`the raise to ${CLASS_LABEL[b.raise.toClass]}`} onVoid={(reason) => onVoid(b.raise.id, reason)} />
            )}
          </li>
        ))}
      </ul>
      {voided.length > 0 && (
        <details>
          <summary>Voided raises ({voided.length})</summary>
          <ul>
            {voided.map((r) => (
              <li key={r.id}>
                Raise to {CLASS_LABEL[r.toClass]} by {r.by.name}, {when(r.at)} ({RAISE_REASON_LABEL[r.reasonCategory]}. {r.reason}): voided by {r.voided!.by.name}, {when(r.voided!.at)}. Reason: {r.voided!.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {asipp && asipp.class !== template.bleedingRisk.asra2018.class && (
        <div className="risk-line guidelines-differ">
          <p>Guidelines differ: ASIPP 2024 classes this procedure {CLASS_LABEL[asipp.class]}. {asipp.note}</p>
          <EvidenceBadges sources={asipp.sources} citations={SOURCES} />
        </div>
      )}
      {canRaise ? (
        <RaiseForm options={raiseOptions(risk)} disabled={disabled} onRaise={onRaise} />
      ) : (
        <p className="muted">Only a physician can raise the bleeding-risk class.</p>
      )}
    </section>
  );
}

function RaiseForm({ options, disabled, onRaise }: { options: RiskClass[]; disabled: boolean; onRaise: BleedingRiskClassProps['onRaise'] }) {
  const id = useId();
  const [toClass, setToClass] = useState<RiskClass | ''>('');
  const [category, setCategory] = useState<RaiseReason | ''>('');
  const [reason, setReason] = useState('');
  const { errors, busy, savedAt: done, check, save } = useFormSave();

  if (!options.length) return <p className="muted">The class is already High, the highest: it cannot be raised further.</p>;
  // A class chosen before another raise took the class past it is no longer offered.
  const chosen = toClass && options.includes(toClass) ? toClass : '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (disabled) return;
    const problems: Record<string, string> = {};
    if (!chosen) problems.toClass = 'Choose the class to raise to.';
    if (!category) problems.reasonCategory = 'Choose the reason.';
    if (reason.trim().length < REASON_MIN) problems.reason = `Give the reason in a few words (at least ${REASON_MIN} characters).`;
    if (!check(problems) || !chosen || !category) return;
    await save(() => onRaise({ toClass: chosen, reasonCategory: category, reason: reason.trim() }), () => {
      setToClass('');
      setCategory('');
      setReason('');
      return `Raised to ${CLASS_LABEL[chosen]}.`;
    });
  }

  const fields = ['toClass', 'reasonCategory', 'reason'];
  const classError = errorAt(errors, 'toClass');
  const categoryError = errorAt(errors, 'reasonCategory');
  const reasonError = errorAt(errors, 'reason');
  return (
    <form className="record-form raise-form" aria-label="Raise bleeding-risk class" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="bare" disabled={disabled}>
        <legend>Raise bleeding-risk class</legend>
        <div className="row">
          <div className="field">
            <label>
              Raise to
              <select value={chosen} onChange={(e) => setToClass(e.target.value as RiskClass | '')} aria-invalid={!!classError}
                aria-describedby={classError ? `${id}-class-error` : undefined}>
                <option value="">Choose a class…</option>
                {options.map((c) => <option key={c} value={c}>{CLASS_LABEL[c]}</option>)}
              </select>
            </label>
            {classError && <p id={`${id}-class-error`} className="error field-error">{classError}</p>}
          </div>
          <div className="field">
            <label>
              Reason
              <select value={category} onChange={(e) => setCategory(e.target.value as RaiseReason | '')} aria-invalid={!!categoryError}
                aria-describedby={categoryError ? `${id}-category-error` : undefined}>
                <option value="">Choose a reason…</option>
                {RAISE_REASONS.map((r) => <option key={r} value={r}>{RAISE_REASON_LABEL[r]}</option>)}
              </select>
            </label>
            {categoryError && <p id={`${id}-category-error`} className="error field-error">{categoryError}</p>}
          </div>
          <div className="field grow">
            <label>
              Details (shown in the note)
              <input type="text" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} aria-invalid={!!reasonError}
                aria-describedby={reasonError ? `${id}-reason-error` : undefined} />
            </label>
            {reasonError && <p id={`${id}-reason-error`} className="error field-error">{reasonError}</p>}
          </div>
        </div>
        {category === 'deep-or-paravertebral-block' && (
          <div className="risk-line">
            <p>{DEEP_BLOCK_EXCEPTION.text}</p>
            <EvidenceBadges sources={DEEP_BLOCK_EXCEPTION.sources} citations={SOURCES} />
          </div>
        )}
        <FormFooter errors={formLevel(errors, fields)} busy={busy} submitLabel="Raise bleeding-risk class" doneText={done} />
      </fieldset>
    </form>
  );
}

/** To the minute, in the clinic's zone: who raised it when, not to the millisecond. */
function safeFormat(iso: string, timeZone: string): string {
  try {
    return clinicDateTime(iso, timeZone);
  } catch {
    return iso;
  }
}
