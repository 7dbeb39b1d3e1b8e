import { useState } from 'react';
import { isDateText } from '#shared/domain/field-format';
import { dateError } from './DateField';
import { useFormSave } from './useFormSave';

/**
 * A date filter typed as text: a real date applies at once; anything else changes nothing
 * and, on leaving the field or Enter, says the format beside it. Follows the store's date
 * when that changes elsewhere (e.g. "Next week").
 */
export function useDateFilter(date: string, apply: (date: string) => void) {
  const [text, setText] = useState(date);
  const { errors, check } = useFormSave();
  // The store's date changed elsewhere: show it (React's "adjust state while rendering").
  const [shown, setShown] = useState(date);
  if (shown !== date) {
    setShown(date);
    setText(date);
    check();
  }
  function onChange(value: string) {
    setText(value);
    if (isDateText(value)) {
      check();
      if (value.trim() !== date) apply(value.trim());
    }
  }
  const judge = () => check(isDateText(text) ? {} : { date: dateError() });
  return {
    value: text,
    onChange,
    error: errors.date ?? null,
    onBlur: judge,
    onKeyDown: (e: { key: string }) => { if (e.key === 'Enter') judge(); },
  };
}
