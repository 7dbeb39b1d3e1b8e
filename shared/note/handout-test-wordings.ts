/**
 * Test fixtures for the patient handout (shared/note/handout.test.ts, db/export/handout-pdf.test.ts):
 * the English identity wording and a small fake Spanish map that proves each mark renders. The real
 * lookup, `patientWording` from the library's translations, is wired at merge.
 */
import { HEADINGS, NOT_REVIEWED, NOT_TRANSLATED, type Wording } from './handout-text';

export const ENGLISH: Wording = (e, lang) => ({ text: e, lang, state: 'source' });

/** A few strings, reviewed and not; everything else comes back in English, 'not-translated'. */
export const FAKE_SPANISH_MAP: Readonly<Record<string, { text: string; reviewed: boolean }>> = {
  [HEADINGS.what]: { text: 'Qué es este procedimiento', reviewed: true },
  [HEADINGS.risks]: { text: 'Riesgos', reviewed: false },
  [HEADINGS.help]: { text: 'Pida ayuda enseguida si', reviewed: true },
  [NOT_REVIEWED]: { text: 'No revisado por un clínico', reviewed: true },
  [NOT_TRANSLATED]: { text: '(English: not yet translated)', reviewed: true },
  'Get help right away if you have new weakness or numbness in your arms or legs.': {
    text: 'Pida ayuda enseguida si tiene debilidad o entumecimiento nuevos en los brazos o las piernas.', reviewed: false,
  },
};

export const FAKE_SPANISH: Wording = (e, lang) => {
  const t = FAKE_SPANISH_MAP[e];
  if (!t) return { text: e, lang: 'en', state: 'not-translated' };
  return { text: t.text, lang, state: t.reviewed ? 'reviewed' : 'not-reviewed' };
};
