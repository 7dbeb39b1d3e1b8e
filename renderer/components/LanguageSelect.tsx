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
}

export function LanguageSelect({ label, value, onChange, emptyLabel }: Props) {
  const asEntered = value !== '' && !findLanguage(value);
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{emptyLabel}</option>
        {asEntered && <option value={value}>{value} (as entered before the list; choose one)</option>}
        {LANGUAGES.map((l) => <option key={l.tag} value={l.tag}>{languageLabel(l.tag)}</option>)}
      </select>
    </label>
  );
}
