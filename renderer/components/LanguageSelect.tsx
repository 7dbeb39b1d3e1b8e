/**
 * A language from the one list (shared/domain/languages.ts), stored as its BCP 47 tag. A value
 * saved before the list (free text such as "Spanish") is still shown, as entered, until changed.
 */
import { findLanguage, LANGUAGES, languageLabel } from '#shared/domain/languages';

interface Props {
  label: string;
  value: string;
  onChange: (tag: string) => void;
  /** What the empty choice says: "Choose…" where a language is needed, "Not recorded" where it may be left out. */
  emptyLabel: string;
  /** Focus on first render: a field opened by a button, so the keyboard lands in it. */
  autoFocus?: boolean;
}

export function LanguageSelect({ label, value, onChange, emptyLabel, autoFocus = false }: Props) {
  const asEntered = value !== '' && !findLanguage(value);
  return (
    <label>
      {label}
      <select value={value} autoFocus={autoFocus} onChange={(e) => onChange(e.target.value)}>
        <option value="">{emptyLabel}</option>
        {asEntered && <option value={value}>{value} (as entered before the list; choose one)</option>}
        {LANGUAGES.map((l) => <option key={l.tag} value={l.tag}>{languageLabel(l.tag)}</option>)}
      </select>
    </label>
  );
}
