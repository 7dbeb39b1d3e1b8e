import { useId } from 'react';

/**
 * Progress of long work (exporting a note, a backup, a batch export), for
 * anyone to reuse: a native <progress> (role progressbar, its value exposed to
 * screen readers) with a visible label and the same progress in words.
 * Without `value` it is indeterminate: the work runs but its size is unknown.
 *
 *   <ProgressBar label="Exporting notes" value={done} max={total} />   → "3 of 12"
 *   <ProgressBar label="Writing the backup" />                          → "Working…"
 */
export function ProgressBar({ label, value, max = 100, detail }: { label: string; value?: number; max?: number; detail?: string }) {
  const id = useId();
  const known = value !== undefined && max > 0;
  const clamped = known ? Math.min(Math.max(value, 0), max) : undefined;
  const words = detail ?? (!known ? 'Working…' : max === 100 ? `${Math.round(clamped!)}%` : `${clamped} of ${max}`);
  return (
    <div className="progress-bar">
      <label htmlFor={id}>{label}</label>
      <progress id={id} max={known ? max : undefined} value={clamped} aria-valuetext={words} />
      <span className="progress-words" aria-hidden="true">{words}</span>
    </div>
  );
}
