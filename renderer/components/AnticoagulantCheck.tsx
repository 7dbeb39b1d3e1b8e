import { useId, useRef, useState, type FormEvent } from 'react';
import { ANTICOAGULANT_TABLE, DRUG_GROUPS, PRESCRIBER_PRINCIPLE, findAnticoagulant } from '#shared/clinical/anticoagulant-table';
import {
  RISK_FACTORS,
  type CheckResult,
  type EffectiveRisk,
  type PatientRiskFactors,
  type RowResult,
} from '#shared/domain/anticoagulant-check';
import { localInputToInstant } from '#shared/domain/zoned-time';
import { clinicDateTime } from '#shared/domain/clinic-time';
import type { SourceRef } from '#shared/library/schema';
import { SOURCES } from '#shared/library/sources';
import { useFormSave } from './useFormSave';
import { dateTimeError, DateTimeField } from './DateTimeField';

export interface AnticoagulantCheckEntry {
  id: string;
  drugId: string;
  /** ISO 8601 instant. */
  lastDoseAt: string;
  renalImpaired?: boolean;
}

interface Props {
  entries: readonly AnticoagulantCheckEntry[];
  /** checkAnticoagulants() for these entries (with their ids), computed by the caller. */
  result: CheckResult;
  /** effectiveRiskClass() for the procedure and these factors. */
  risk: EffectiveRisk;
  factors: PatientRiskFactors;
  /** The clinic's IANA time zone: the last-dose input is read in it. */
  timeZone: string;
  disabled?: boolean;
  onAdd: (entry: { drugId: string; lastDoseAt: string; renalImpaired: boolean }) => void;
  onRemove: (id: string) => void;
  onFactorsChange: (factors: PatientRiskFactors) => void;
}

const citations = new Map(SOURCES.map((s) => [s.id, s.citation]));

/**
 * The anticoagulant / antiplatelet check: patient factors, the drugs with their last dose, and
 * per drug the rule, the earliest safe start and a plain-words status. Presentational: the
 * caller owns the entries and computes the result with the shared check.
 */
export function AnticoagulantCheck({ entries, result, risk, factors, timeZone, disabled = false, onAdd, onRemove, onFactorsChange }: Props) {
  const headingId = useId();
  const stops = result.rows.filter((r) => r.status === 'too-recent' || r.status === 'inr-required');
  return (
    <section className="card anticoag" aria-labelledby={headingId}>
      <h2 id={headingId}>Anticoagulants and antiplatelets</h2>
      <p className="muted">
        ASRA pain-procedure guideline (Narouze 2018, second edition). Times are clinic time ({timeZone}). Planned start: {result.plannedStartLocal}.
      </p>
      <div className="risk-line">
        <p>{PRESCRIBER_PRINCIPLE.text}</p>
        <Badges sources={PRESCRIBER_PRINCIPLE.sources} review={false} />
      </div>
      {result.hardStop && (
        <div role="alert" className="hard-stop">
          <strong>Hard stop: do not start the procedure.</strong>
          <ul>
            {stops.map((r, i) => (
              <li key={r.entryId ?? i}>
                {r.drugName}: {r.statusText}
                {r.status === 'too-recent' && r.earliestSafeLocal ? ` (earliest safe start ${r.earliestSafeLocal})` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.needsDecision && (
        <p className="decision">Decision needed with the prescriber or the clinic reviewer before the procedure: not clear.</p>
      )}
      <p className="anticoag-summary">{result.summary}</p>

      <RiskFactors risk={risk} factors={factors} disabled={disabled} onChange={onFactorsChange} />
      <AddDrugForm timeZone={timeZone} kidneyDisease={factors.kidneyDisease} disabled={disabled} onAdd={onAdd} />
      <ResultTable entries={entries} result={result} timeZone={timeZone} disabled={disabled} onRemove={onRemove} />
    </section>
  );
}

function RiskFactors({ risk, factors, disabled, onChange }: { risk: EffectiveRisk; factors: PatientRiskFactors; disabled: boolean; onChange: (f: PatientRiskFactors) => void }) {
  return (
    <fieldset disabled={disabled}>
      <legend>Patient factors that raise bleeding risk</legend>
      <div className="choices">
        {RISK_FACTORS.map((f) => (
          <label key={f.key} className="choice">
            <input type="checkbox" checked={factors[f.key] === true} onChange={(e) => onChange({ ...factors, [f.key]: e.target.checked })} />
            {f.label}
          </label>
        ))}
      </div>
      <div className="risk-line">
        <p>
          <strong>Bleeding risk used: {risk.riskClass}.</strong> {risk.text}.
        </p>
        {risk.sources.length > 0 && <Badges sources={risk.sources} review={risk.needsClinicalReview} />}
      </div>
    </fieldset>
  );
}

function AddDrugForm({ timeZone, kidneyDisease, disabled, onAdd }: { timeZone: string; kidneyDisease: boolean; disabled: boolean; onAdd: Props['onAdd'] }) {
  const [drugId, setDrugId] = useState('');
  const [lastDose, setLastDose] = useState('');
  const [renal, setRenal] = useState(false);
  // Its own checks only: the parent saves the entry and reports the core's answer.
  const { errors, check } = useFormSave();
  const drugRef = useRef<HTMLSelectElement>(null);
  const hasRenalRule = !!findAnticoagulant(drugId)?.renalImpairedHold;

  function chooseDrug(id: string) {
    setDrugId(id);
    // Start from the patient-factor answer; the clinician can still change it.
    if (findAnticoagulant(id)?.renalImpairedHold) setRenal(kidneyDisease);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const lastDoseAt = localInputToInstant(lastDose, timeZone);
    const problems: Record<string, string> = {};
    if (!drugId) problems.drug = 'Choose the drug.';
    if (!lastDoseAt) problems.time = dateTimeError('the last dose');
    if (!check(problems) || !lastDoseAt) return;
    onAdd({ drugId, lastDoseAt, renalImpaired: hasRenalRule && renal });
    setDrugId('');
    setLastDose('');
    setRenal(false);
    drugRef.current?.focus();
  }

  return (
    <form aria-label="Add a drug" onSubmit={submit}>
      <fieldset disabled={disabled}>
        <legend>Add a drug the patient takes</legend>
        <div className="row">
          <label>
            Drug
            <select ref={drugRef} value={drugId} onChange={(e) => chooseDrug(e.target.value)} aria-invalid={!!errors.drug}>
              <option value="">Choose a drug…</option>
              {DRUG_GROUPS.map((group) => (
                <optgroup key={group} label={group}>
                  {ANTICOAGULANT_TABLE.filter((r) => r.group === group).map((r) => (
                    <option key={r.id} value={r.id}>{r.name}</option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <DateTimeField label={`Last dose (clinic time, ${timeZone})`} timeZone={timeZone} value={lastDose} onChange={setLastDose} error={errors.time} />
          {hasRenalRule && (
            <label className="choice">
              <input type="checkbox" checked={renal} onChange={(e) => setRenal(e.target.checked)} />
              Impaired renal function
            </label>
          )}
          <button type="submit" className="primary">Add drug</button>
        </div>
        {errors.drug && <p role="alert" className="error">{errors.drug}</p>}
      </fieldset>
    </form>
  );
}

function ResultTable({ entries, result, timeZone, disabled, onRemove }: { entries: Props['entries']; result: CheckResult; timeZone: string; disabled: boolean; onRemove: (id: string) => void }) {
  if (!entries.length) return <p className="empty">No drugs entered.</p>;
  // Rows carry the entry id when the caller passed it; otherwise they follow the entries' order.
  const byId = result.rows.some((r) => r.entryId !== null);
  return (
    <table className="table anticoag-table">
      <caption className="visually-hidden">Anticoagulant and antiplatelet check</caption>
      <thead>
        <tr>
          <th scope="col">Drug</th>
          <th scope="col">Last dose</th>
          <th scope="col">Rule</th>
          <th scope="col">Earliest safe start</th>
          <th scope="col">Status</th>
          <th scope="col"><span className="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry, i) => {
          const row = byId ? result.rows.find((r) => r.entryId === entry.id) : result.rows[i];
          const name = row?.drugName ?? findAnticoagulant(entry.drugId)?.name ?? entry.drugId;
          return (
            <tr key={entry.id} className={row ? `status-${row.status}` : undefined}>
              <th scope="row">
                {name}
                {row && <RowEvidence row={row} />}
              </th>
              <td>{row?.lastDoseLocal ?? safeFormat(entry.lastDoseAt, timeZone)}</td>
              <td>
                {row ? row.ruleText : 'Not checked yet'}
                {row && <p className="detail">{row.restartRule}</p>}
              </td>
              <td>{row?.earliestSafeLocal ?? 'No time given'}</td>
              <td className={`status ${row?.status ?? ''}`}>{row ? row.statusText : 'Not checked yet'}</td>
              <td>
                <button type="button" className="secondary" disabled={disabled} aria-label={`Remove ${name}`} onClick={() => onRemove(entry.id)}>
                  Remove
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function RowEvidence({ row }: { row: RowResult }) {
  return (
    <>
      <Badges sources={row.sources} review={row.needsClinicalReview} />
      {row.disagreement && <p className="detail">Sources differ: {row.disagreement}</p>}
      {row.notes.length > 0 && (
        <details className="detail">
          <summary>Notes</summary>
          <ul>
            {row.notes.map((n) => <li key={n}>{n}</li>)}
          </ul>
        </details>
      )}
    </>
  );
}

/** The evidence wording the rest of the app uses: [M] "needs clinical review", [V2] "secondary source: confirm against the primary". */
function Badges({ sources, review }: { sources: readonly SourceRef[]; review: boolean }) {
  const secondary = sources.some((s) => s.evidence === 'V2');
  return (
    <span className="evidence">
      {review && <span className="badge review">needs clinical review</span>}
      {secondary && <span className="badge secondary">secondary source: confirm against the primary</span>}
      <details>
        <summary>Sources</summary>
        <ul>
          {sources.map((s, i) => (
            <li key={`${s.sourceId}-${i}`}>
              {citations.get(s.sourceId) ?? s.sourceId} <em>[{s.evidence}]</em>
            </li>
          ))}
        </ul>
      </details>
    </span>
  );
}

function safeFormat(iso: string, timeZone: string): string {
  try {
    return clinicDateTime(iso, timeZone);
  } catch {
    return iso;
  }
}
