import { useState } from 'react';
import { useHandout } from '../stores/handout';
import { offerDownload } from './download';

/**
 * The languages offered for now. Replaced at merge by the clinic's one list (shared/domain's
 * BCP 47 languages), the choice then defaulting to the patient's preferred language.
 */
const HANDOUT_LANGUAGES = [
  { tag: 'en', name: 'English' },
  { tag: 'es', name: 'Español' },
] as const;

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
export function PatientHandout({ encounterId, defaultLang = 'en' }: { encounterId: string; defaultLang?: string }) {
  const [lang, setLang] = useState(defaultLang);
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
      <span aria-live="polite">
        {made && !making && !error && <span className="muted">Handout ready: {made.fileBaseName}.pdf</span>}
        {error && <span role="alert" className="error">{error}</span>}
      </span>
    </div>
  );
}
