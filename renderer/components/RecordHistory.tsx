import { useId, useRef, useState, type FormEvent } from 'react';
import { findAnticoagulant } from '#shared/clinical/anticoagulant-table';
import type { EncounterRecord, RecordData, RecordKind } from '#shared/contract/encounter-records';
import { RISK_FACTORS } from '#shared/domain/anticoagulant-check';
import { injectatePlanLines } from '#shared/domain/encounter-workflow';
import { IMAGING_MODALITY_LABELS } from '#shared/domain/imaging';
import { clinicDateTime } from '#shared/domain/clinic-time';
import { ALDRETE_COMPONENTS, ALDRETE_COMPONENT_LABELS, aldreteTotal } from '#shared/workflow/aldrete';
import { useFormSave } from './useFormSave';
import { useSession } from '../stores/session';

export interface RecordHistoryProps {
  records: readonly EncounterRecord[];
  /** Resolves null when voided, or errors keyed by input path ('reason', 'form'). */
  onVoid: (recordId: string, reason: string) => Promise<Record<string, string> | null>;
  disabled?: boolean;
  /** The clinic's IANA time zone; without it, times show in this computer's local time. */
  timeZone?: string;
}

export const RECORD_KIND_LABELS: Record<RecordKind, string> = {
  vitals: 'Vitals',
  anticoagulant: 'Anticoagulant or antiplatelet',
  'risk-factors': 'Bleeding risk factors',
  inr: 'INR',
  'time-out': 'Time-out',
  procedure: 'Procedure record',
  aldrete: 'Aldrete score',
  'injectate-plan': 'Planned injectate',
};

const REASON_MIN = 5;

/** A time as the history shows it: in the clinic zone (the session's when not given), to the minute. */
export function formatRecordTime(iso: string, timeZone?: string): string {
  try {
    return clinicDateTime(iso, timeZone ?? useSession.getState().timeZone);
  } catch {
    return iso;
  }
}

/** One line, in plain words, of what a record says. */
export function summarizeRecord(entry: RecordData, time: (iso: string) => string = (iso) => formatRecordTime(iso)): string {
  switch (entry.kind) {
    case 'vitals': {
      const v = entry.data;
      const parts: string[] = [];
      if (v.systolic !== null || v.diastolic !== null) parts.push(`BP ${v.systolic ?? '–'}/${v.diastolic ?? '–'}`);
      if (v.heartRate !== null) parts.push(`HR ${v.heartRate}`);
      if (v.spo2 !== null) parts.push(`SpO2 ${v.spo2}%`);
      if (v.respiratoryRate !== null) parts.push(`RR ${v.respiratoryRate}`);
      if (v.painScore !== null) parts.push(`pain ${v.painScore}/10`);
      const line = `${parts.length ? parts.join(', ') : 'No observations'} (${v.phase})`;
      return v.note ? `${line}; note: ${v.note}` : line;
    }
    case 'anticoagulant': {
      const a = entry.data;
      const name = findAnticoagulant(a.drugId)?.name ?? a.drugId;
      return `${name}, last dose ${time(a.lastDoseAt)}${a.renalImpaired ? ', impaired renal function' : ''}`;
    }
    case 'risk-factors': {
      const set = RISK_FACTORS.filter((f) => entry.data[f.key] === true).map((f) => f.label);
      return set.length ? `Present: ${set.join(', ')}` : 'None of the listed risk factors';
    }
    case 'inr':
      return `INR ${entry.data.value}, taken ${time(entry.data.takenAt)}`;
    case 'time-out':
      return `Participants: ${entry.data.participants.map((p) => `${p.name} (${p.role})`).join(', ')}`;
    case 'procedure': {
      const p = entry.data;
      const parts = [IMAGING_MODALITY_LABELS[p.imagingUsed]];
      parts.push(p.contrastUsed ? `contrast${p.contrastAgent ? `: ${p.contrastAgent}` : ''}` : 'no contrast');
      if (p.fluoroscopyTimeSeconds !== null) parts.push(`fluoroscopy ${p.fluoroscopyTimeSeconds} s`);
      if (p.radiationDose) parts.push(`dose ${p.radiationDose}`);
      parts.push(
        p.medications.length
          ? `medications: ${p.medications.map((m) => [m.name, m.dose, m.route].filter(Boolean).join(' ')).join(', ')}`
          : 'no medications',
      );
      if (p.levelsTreated.length) parts.push(`levels: ${p.levelsTreated.join(', ')}`);
      parts.push(`complications: ${p.complications || 'not recorded'}`);
      return parts.join('; ');
    }
    case 'injectate-plan':
      return injectatePlanLines(entry.data).join('; ');
    case 'aldrete':
      return `Total ${aldreteTotal(entry.data)} of 10 (${ALDRETE_COMPONENTS.map((c) => `${ALDRETE_COMPONENT_LABELS[c].toLowerCase()} ${entry.data[c]}`).join(', ')})`;
  }
}

/**
 * Every record of the encounter, newest first: what it says, who recorded it and when.
 * Voided records stay, struck through, with who voided them, when and why.
 * Presentational: the caller voids a record and returns any errors.
 */
export function RecordHistory({ records, onVoid, disabled = false, timeZone }: RecordHistoryProps) {
  const headingId = useId();
  const sorted = records
    .map((r, i) => ({ r, i }))
    .sort((a, b) => Date.parse(b.r.at) - Date.parse(a.r.at) || b.i - a.i)
    .map(({ r }) => r);
  // Empty, it is not shown: the phase's forms say what is not yet recorded (issue 18: each part within 3 viewport heights).
  if (sorted.length === 0) return null;
  return (
    <section className="card record-history" aria-label="Record history">
      <h2 id={headingId}>Record history</h2>
      <ul className="records" aria-labelledby={headingId}>
        {sorted.map((r) => (
          <RecordRow key={r.id} record={r} onVoid={onVoid} disabled={disabled} timeZone={timeZone} />
        ))}
      </ul>
    </section>
  );
}

function RecordRow({ record, onVoid, disabled, timeZone }: { record: EncounterRecord; onVoid: RecordHistoryProps['onVoid']; disabled: boolean; timeZone?: string }) {
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const { errors, setErrors, busy, check, save } = useFormSave();
  const voidRef = useRef<HTMLButtonElement>(null);

  const time = (iso: string) => formatRecordTime(iso, timeZone);
  const kind = RECORD_KIND_LABELS[record.entry.kind];
  const summary = summarizeRecord(record.entry, time);
  const when = time(record.at);
  const voided = record.voided;

  function cancel() {
    setAsking(false);
    setReason('');
    setErrors({});
    // Back to the button that opened the form (it renders again on the next commit).
    requestAnimationFrame(() => voidRef.current?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (disabled || !check(reason.trim().length < REASON_MIN ? { reason: `Give the reason in a few words (at least ${REASON_MIN} characters).` } : {})) return;
    await save(() => onVoid(record.id, reason.trim()), () => {
      setAsking(false);
      setReason('');
    }, 'Not voided');
  }

  const reasonKey = Object.keys(errors).find((k) => k === 'reason' || k.endsWith('.reason'));
  const reasonError = reasonKey === undefined ? undefined : errors[reasonKey];
  const otherErrors = Object.entries(errors).filter(([k]) => k !== reasonKey).map(([, v]) => v);

  return (
    <li className={voided ? 'record voided' : 'record'} data-record-id={record.id}>
      {/* One line a record (issue 18, 3 viewport heights): what, when, who, then what it says, cut at the line's end;
          opened, what it says in full, who recorded it and any voiding. */}
      <details className="record-more">
        <summary>
          <strong className="record-kind">{kind}</strong> · <time dateTime={record.at}>{when}</time> · {record.by.name}
          {voided && <span className="record-voided-mark"> · voided</span>} ·{' '}
          {voided ? <del className="record-summary">{summary}</del> : <span className="record-summary">{summary}</span>}
        </summary>
        <p className="muted record-by">
          Recorded by {record.by.name} ({record.by.role}), {when}
        </p>
        {voided && (
          <p className="record-voided">
            Voided by {voided.by.name} ({voided.by.role}), <time dateTime={voided.at}>{time(voided.at)}</time>: {voided.reason}
          </p>
        )}
      </details>
      {!voided && !asking && (
        <button ref={voidRef} type="button" className="link" disabled={disabled} aria-label={`Void ${kind.toLowerCase()} recorded ${when}`}
          onClick={() => setAsking(true)}>
          Void…
        </button>
      )}
      {!voided && asking && (
        <form className="na-form void-form" aria-label={`Void ${kind.toLowerCase()} recorded ${when}`} onSubmit={(e) => void submit(e)} noValidate>
          <div className="field">
            <label>
              Reason for voiding
              <input type="text" autoFocus value={reason} onChange={(e) => setReason(e.target.value)} disabled={disabled}
                onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); cancel(); } }}
                aria-invalid={!!reasonError} aria-describedby={reasonError ? `${id}-reason-error` : undefined} />
            </label>
            {reasonError && <p id={`${id}-reason-error`} className="error field-error">{reasonError}</p>}
          </div>
          <button type="submit" className="secondary" disabled={busy || disabled}>Void record</button>
          <button type="button" className="link" onClick={cancel}>Cancel</button>
          {otherErrors.length > 0 && (
            <div role="alert" className="error">
              {otherErrors.map((e) => <p key={e}>{e}</p>)}
            </div>
          )}
        </form>
      )}
    </li>
  );
}
