// Translations are data (issue 20 point 5): every patient-facing English text has, for each
// language with a translations file, a translation or an explicit "not translated" mark, and no
// entry is left over from words the app no longer says. UPDATE_TRANSLATIONS=1 adds a "not yet
// translated" mark for each missing text (never changes an entry); a stale entry still fails.
import fs from 'node:fs';
import path from 'node:path';
import { assert, describe, expect, it } from 'vitest';
import { patientFacingTexts } from '../workflow/patient-facing-texts';
import { DATA_DIR } from './load';
import { translationKey } from './translation-key';
import { loadTranslations, patientWording, TRANSLATED_LANGUAGES, translationFile, translationGaps, type TranslationFile } from './translations';

const root = path.resolve(__dirname, '../..');
const texts = patientFacingTexts();

describe('translations cover every patient-facing text', () => {
  it('Spanish is a patient language', () => {
    expect(TRANSLATED_LANGUAGES).toContain('es');
  });

  it.each(TRANSLATED_LANGUAGES)('%s: each text has a translation or a "not translated" mark, and no entry is stale', (tag) => {
    const file = translationFile(tag)!;
    const { stale, missing: found } = translationGaps(texts, file);
    let missing = found;
    if (process.env.UPDATE_TRANSLATIONS && missing.length) {
      const seen = new Set(file.entries.map((e) => e.key));
      const added = texts.filter((t) => !seen.has(translationKey(t.english)) && seen.add(translationKey(t.english)))
        .map((t) => ({ key: translationKey(t.english), english: t.english, notTranslated: true as const, reason: 'not yet translated' }));
      const written = { ...file, entries: [...file.entries, ...added] };
      fs.writeFileSync(path.join(root, DATA_DIR, 'translations', `${tag}.json`), `${JSON.stringify(written, null, 2)}\n`);
      missing = [];
    }
    if (missing.length) assert.fail(`${DATA_DIR}/translations/${tag}.json has neither a translation nor a "notTranslated" mark for:\n${missing.join('\n')}`);
    if (stale.length) assert.fail(`${DATA_DIR}/translations/${tag}.json has entries for words the app no longer shows (remove them):\n${stale.join('\n')}`);
  });

  it.each(TRANSLATED_LANGUAGES)('%s: a translation states exactly the numbers its English states', (tag) => {
    const numbers = (text: string) => (text.match(/\d+(?:[,.]\d+)*/g) ?? []).sort();
    const changed = translationFile(tag)!.entries.flatMap((e) => ('text' in e && numbers(e.text).join(' ') !== numbers(e.english).join(' ') ? [`${e.key}: "${e.english}" → "${e.text}"`] : []));
    expect(changed).toEqual([]);
  });

  it('fails when one entry is deleted, naming the text', () => {
    const file = translationFile('es')!;
    const [first, ...rest] = file.entries;
    assert(first, 'es.json has entries');
    const gaps = translationGaps(texts, { ...file, entries: rest });
    expect(gaps.missing.length).toBeGreaterThan(0);
    expect(gaps.missing.every((m) => m.endsWith(`: "${first.english}"`))).toBe(true);
    expect(translationGaps(texts, file).missing).toEqual([]);
  });

  it('fails on an entry whose English the app no longer shows', () => {
    const english = 'Words no template says any more.';
    const file: TranslationFile = { language: 'es', entries: [...translationFile('es')!.entries, { key: translationKey(english), english, text: 'Palabras.', state: 'not-reviewed' }] };
    expect(translationGaps(texts, file).stale).toEqual([`${translationKey(english)}: "${english}"`]);
  });
});

describe('patientWording', () => {
  const translated = translationFile('es')!.entries.find((e) => 'text' in e)!;
  const marked = translationFile('es')!.entries.find((e) => 'notTranslated' in e);

  it('gives English as the source for English, whatever the region', () => {
    expect(patientWording(translated.english, 'en')).toEqual({ text: translated.english, lang: 'en', state: 'source' });
    expect(patientWording(translated.english, 'en-US').state).toBe('source');
  });

  it('gives the Spanish words and their review state, for es and a regional Spanish tag', () => {
    assert('text' in translated);
    expect(patientWording(translated.english, 'es')).toEqual({ text: translated.text, lang: 'es', state: translated.state });
    expect(patientWording(translated.english, 'es-MX').lang).toBe('es');
  });

  it('gives the English, marked not translated, for a changed English text, a marked text and a language with no translations', () => {
    expect(patientWording(`${translated.english} `, 'es')).toEqual({ text: `${translated.english} `, lang: 'en', state: 'not-translated' });
    if (marked) expect(patientWording(marked.english, 'es')).toEqual({ text: marked.english, lang: 'en', state: 'not-translated' });
    expect(patientWording(translated.english, 'vi')).toEqual({ text: translated.english, lang: 'en', state: 'not-translated' });
  });
});

describe('the translations files are checked like the rest of the library data', () => {
  const entry = { key: translationKey('Hello.'), english: 'Hello.', text: 'Hola.', state: 'not-reviewed' };
  const load = (file: unknown) => () => loadTranslations({ 'translations/es.json': file });

  it('accepts a well-formed file', () => {
    expect(load({ language: 'es', entries: [entry] })()).toBeInstanceOf(Map);
  });

  it.each([
    ['a key that is not the hash of its English', { language: 'es', entries: [{ ...entry, english: 'Hello!' }] }, /not the key of its English words/],
    ['a key listed twice', { language: 'es', entries: [entry, entry] }, /listed twice/],
    ['a reviewed translation with no reviewer', { language: 'es', entries: [{ ...entry, state: 'reviewed' }] }, /names who reviewed it/],
    ['a language that is not the file name', { language: 'fr', entries: [] }, /file name says "es"/],
    ['an empty translation', { language: 'es', entries: [{ ...entry, text: ' ' }] }, /not empty/],
  ])('refuses %s', (_what, file, message) => {
    expect(load(file)).toThrow(message);
  });
});
