/** The intake form's fields: each labelled, its error beside it and tied to it by aria-describedby. */
import { useId } from 'react';
import { DateField } from './DateField';

export type Errors = Record<string, string>;

export function Text({ label, value, onChange, error, numeric, wide }: {
  label: string; value: string; onChange: (v: string) => void; error?: string | undefined; numeric?: boolean; wide?: boolean;
}) {
  const id = useId();
  return (
    <div className={wide ? 'field intake-wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} inputMode={numeric ? 'decimal' : undefined}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      {error && <span id={`${id}-error`} className="error field-error">{error}</span>}
    </div>
  );
}

export function Choice({ label, value, options, onChange, error }: {
  label: string; value: string; options: Record<string, string>; onChange: (v: string) => void; error?: string | undefined;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {Object.entries(options).map(([v, t]) => <option key={v} value={v}>{t}</option>)}
      </select>
      {error && <span id={`${id}-error`} className="error field-error">{error}</span>}
    </div>
  );
}

export function Day({ label, value, onChange, error }: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined }) {
  return <DateField label={label} value={value} onChange={onChange} error={error ?? null} />;
}
