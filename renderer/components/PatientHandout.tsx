import { useState } from 'react';
import { findLanguage, languageLabel } from '#shared/domain/languages';
import { TRANSLATED_LANGUAGES, translationLanguage } from '#shared/library/translations';
import { useHandout } from '../stores/handout';
import { offerDownload } from './download';

/** English, and each language the library has patient wording in (shared/library/data/translations), from the one list. */
const HANDOUT_LANGUAGES = ['en', ...TRANSLATED_LANGUAGES].map((tag) => ({ tag, name: findLanguage(tag)?.native ?? tag }));

/** The patient's language where the library has wording in it (es-MX → es), else English. */
export function handoutLanguage(patientLanguage: string | null | undefined): string {
  const tag = patientLanguage ? translationLanguage(patientLanguage) : undefined;
  return tag ?? 'en';
}

function pdfBlob(base64: string): Blob {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: 'application/pdf' });
}

/**
 * One line: the language and a button that makes the patient's take-home handout (what the
 * procedure is, risks, other choices, after care, red flags, blood thinner restart, follow-up)
 * as a PDF and offers it to open and print: a browser saves it, Electron asks where.
 */
export function PatientHandout({ encounterId, patientLanguage = null }: { encounterId: string; patientLanguage?: string | null }) {
  const [lang, setLang] = useState(() => handoutLanguage(patientLanguage));
  // The patient speaks a language the library has no wording in: the handout is in English, and the screen says so.
  const untranslated = patientLanguage && !translationLanguage(patientLanguage) && !/^en(?:-|$)/.test(patientLanguage) ? languageLabel(patientLanguage) : null;
  const making = useHandout((s) => s.making);
  const error = useHandout((s) => s.error);
  const made = useHandout((s) => (s.made?.encounterId === encounterId ? s.made.handout : null));
  const makeHandout = useHandout((s) => s.makeHandout);

  async function make() {
    const handout = await makeHandout(encounterId, lang);
    if (handout) offerDownload(`${handout.fileBaseName}.pdf`, pdfBlob(handout.pdfBase64));
  }

  return (
    <div className="row patient-handout">
      <label>
        Handout language
        <select value={lang} onChange={(e) => setLang(e.target.value)}>
          {HANDOUT_LANGUAGES.map((l) => <option key={l.tag} value={l.tag} lang={l.tag}>{l.name}</option>)}
        </select>
      </label>
      <button type="button" className="secondary" disabled={making} onClick={() => void make()}>
        {making ? 'Making the handout…' : 'Patient handout'}
      </button>
      {untranslated && <span className="muted">No {untranslated} wording yet</span>}
      <span aria-live="polite">
        {made && !making && !error && <span className="muted">Handout ready: {made.fileBaseName}.pdf</span>}
        {error && <span role="alert" className="error">{error}</span>}
      </span>
    </div>
  );
}
