import type { MutableRefObject, ReactNode } from 'react';
import { SOURCES } from '#shared/library/sources';
import { particulateSteroidWarning } from '#shared/workflow/steroid-warning';
import type { ProcedureTraits } from '#shared/workflow/traits';
import { EvidenceBadges } from './EvidenceBadges';

export interface Medication {
  name: string;
  dose: string;
  route: string;
}

/** A field's error as the procedure record shows it: the message, its aria wiring and the node to render. */
export interface FieldError {
  error: string | undefined;
  aria: { 'aria-invalid': boolean; 'aria-describedby': string | undefined };
  node: ReactNode;
}

const CITATIONS = SOURCES.map((s) => ({ id: s.id, citation: s.citation }));

/**
 * The procedure record's medications, one row each, and the live steroid warning: each steroid
 * typed (by brand or generic name) is checked against the route as at the time-out; a warning
 * here, not a block, since the record says what was given.
 */
export function ProcedureMedications({ medications, traits, fieldError, focusRow, onChange, onAdd, onRemove }: {
  medications: readonly Medication[];
  traits: ProcedureTraits;
  fieldError: (path: string) => FieldError;
  /** The row whose name field takes focus when it mounts (the one just added). */
  focusRow: MutableRefObject<number | null>;
  onChange: (index: number, patch: Partial<Medication>) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
}) {
  const warning = particulateSteroidWarning({ traits, medications: medications.filter((m) => m.name.trim()) });
  const meds = fieldError('medications');
  return (
    <>
      <fieldset className="pr-medications" aria-describedby={meds.aria['aria-describedby']}>
        <legend>Medications given</legend>
        {medications.length === 0 && <p className="empty">No medications entered.</p>}
        <ol className="medications">
          {medications.map((m, i) => {
            const name = fieldError(`medications.${i}.name`);
            const mdose = fieldError(`medications.${i}.dose`);
            const route = fieldError(`medications.${i}.route`);
            return (
              <li key={i} className="row">
                <div className="field grow">
                  <label>
                    Medication {i + 1}
                    <input type="text" autoComplete="off" value={m.name} onChange={(e) => onChange(i, { name: e.target.value })} {...name.aria}
                      ref={(el) => {
                        if (el && focusRow.current === i) {
                          focusRow.current = null;
                          el.focus();
                        }
                      }} />
                  </label>
                  {name.node}
                </div>
                <div className="field">
                  <label>
                    Dose of medication {i + 1}
                    <input type="text" autoComplete="off" value={m.dose} onChange={(e) => onChange(i, { dose: e.target.value })} {...mdose.aria} />
                  </label>
                  {mdose.node}
                </div>
                <div className="field">
                  <label>
                    Route of medication {i + 1}
                    <input type="text" autoComplete="off" value={m.route} onChange={(e) => onChange(i, { route: e.target.value })} {...route.aria} />
                  </label>
                  {route.node}
                </div>
                <button type="button" className="secondary" aria-label={`Remove medication ${i + 1}${m.name.trim() ? ` (${m.name.trim()})` : ''}`}
                  onClick={() => onRemove(i)}>
                  Remove
                </button>
              </li>
            );
          })}
        </ol>
        <button type="button" className="secondary" onClick={onAdd}>Add medication</button>
        {meds.node}
      </fieldset>

      {warning && (
        <div role="alert" className="steroid-warning">
          <strong>{warning.title}</strong>
          <p>{warning.warning}</p>
          <EvidenceBadges sources={warning.sources} citations={CITATIONS} />
          <p className="muted">This is a warning: the record can still be saved.</p>
        </div>
      )}
    </>
  );
}
