/**
 * The one date field: a text input that speaks YYYY-MM-DD in its placeholder, its hint and
 * its error. Native date pickers show the browser's locale (mm/dd/yyyy in US Chromium),
 * which no error message can match; a text field shows exactly what the app reads.
 */
import { useId, type InputHTMLAttributes, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { DATE_FORMAT, isDateText, shiftDateText } from '#shared/domain/field-format';

type Passed = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange' | 'placeholder'>;

export interface FieldProps extends Passed {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** Shown beside the field, which is then aria-invalid and described by it. */
  error?: string | null;
  inputRef?: Ref<HTMLInputElement>;
}

/** Says what a date field wants, in the format it shows. */
export const dateError = (what = 'the date') => `Enter ${what} as ${DATE_FORMAT}, e.g. 2026-12-04.`;

/** The shared shape of the date and date-time fields: label, input, hint, error (DateTimeField reuses it). */
export function FormatField({ label, value, onChange, error, inputRef, format, hint, className, onKeyDown, ...rest }: FieldProps & { format: string; hint: string }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={`field format-field${className ? ` ${className}` : ''}`}>
      <label>
        {label}
        <input
          {...rest}
          ref={inputRef}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          placeholder={format}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKeyDown}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        />
      </label>
      <span id={hintId} className="muted field-hint">{hint}</span>
      {error && <p id={errorId} className="error field-error">{error}</p>}
    </div>
  );
}

/** A date (YYYY-MM-DD). Up and down arrows move a valid date by a day. */
export function DateField(props: FieldProps) {
  const { value, onChange, onKeyDown } = props;
  function keys(event: KeyboardEvent<HTMLInputElement>) {
    onKeyDown?.(event);
    if (event.defaultPrevented || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') || !isDateText(value)) return;
    event.preventDefault();
    onChange(shiftDateText(value, event.key === 'ArrowUp' ? 1 : -1));
  }
  return <FormatField {...props} onKeyDown={keys} format={DATE_FORMAT} hint={`${DATE_FORMAT}; ↑ ↓ change the day`} />;
}
