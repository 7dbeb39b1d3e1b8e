/**
 * Teach-back in the patient's language: one line, shown only when the patient's preferred
 * language (or else the interpreter's) has translations. While on, every patient wording of
 * the encounter (risks, benefit, alternatives) shows in that language in place; the note stays English.
 */
import { useEffect } from 'react';
import { findLanguage } from '#shared/domain/languages';
import { isEnglish, translationLanguage } from '#shared/library/translations';
import { useConsent } from '../stores/consent';

/** The language to offer: the patient's, else the interpreter's, if it has translations and is not English. */
export function teachBackLanguage(patientLanguage: string | null | undefined, interpreterLanguage: string | null | undefined): string | null {
  for (const lang of [patientLanguage, interpreterLanguage]) {
    if (lang && !isEnglish(lang) && translationLanguage(lang)) return translationLanguage(lang)!;
  }
  return null;
}

export function ConsentTeachBack({ lang }: { lang: string | null }) {
  const on = useConsent((s) => s.teachBackLanguage);
  const set = useConsent((s) => s.setTeachBackLanguage);
  // Off again when the panel closes or the language no longer has translations: English is the default.
  useEffect(() => () => set(null), [set]);
  useEffect(() => { if (on && on !== lang) set(null); }, [on, lang, set]);
  if (!lang) return null;
  const name = findLanguage(lang)?.native ?? lang;
  return (
    <label className="choice teach-back-toggle">
      <input type="checkbox" checked={on === lang} onChange={(e) => set(e.target.checked ? lang : null)} />
      Show in the patient's language ({name})
    </label>
  );
}
