/**
 * Patient wording in the patient's language: the translations in shared/library/data/translations/
 * (<language tag>.json, bundled through data-files.ts like the rest of the library data), each
 * entry filed under the hash of its English words (translation-key.ts) with its review state.
 * A text with no translation is shown in English and says so; nothing is ever machine-translated.
 */
import { z } from 'zod';
import { LIBRARY_DATA_FILES } from './data-files';
import { formatPath } from './load';
import { translationKey } from './translation-key';

export type TranslationState = 'reviewed' | 'not-reviewed';

const Key = z.string().regex(/^en-[0-9a-f]{16}$/, 'a key is "en-" and 16 hex digits (translationKey of the English words)');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

export const TranslationEntrySchema = z.union([
  z.strictObject({
    key: Key,
    /** The English words, for the people who translate and review; the key is their hash. */
    english: z.string().min(1),
    text: z.string().trim().min(1, 'a translation is not empty'),
    state: z.enum(['not-reviewed', 'reviewed']),
    reviewedBy: z.string().min(1).optional(),
    reviewedOn: IsoDate.optional(),
  }).refine((e) => e.state !== 'reviewed' || (e.reviewedBy && e.reviewedOn), { message: 'a reviewed translation names who reviewed it and when (reviewedBy, reviewedOn)' }),
  z.strictObject({ key: Key, english: z.string().min(1), notTranslated: z.literal(true), reason: z.string().trim().min(1) }),
]);
export type TranslationEntry = z.infer<typeof TranslationEntrySchema>;

export const TranslationFileSchema = z.strictObject({
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag'),
  entries: z.array(TranslationEntrySchema),
});
export type TranslationFile = z.infer<typeof TranslationFileSchema>;

export const TRANSLATION_FILE = /^translations\/([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.json$/;

/** Validates every translations/<tag>.json: the tag matches its file, each key is the hash of its English words, no key twice. */
export function loadTranslations(files: Readonly<Record<string, unknown>>): Map<string, TranslationFile> {
  const problems: string[] = [];
  const loaded = new Map<string, TranslationFile>();
  for (const [file, raw] of Object.entries(files)) {
    const tag = TRANSLATION_FILE.exec(file)?.[1];
    if (!tag) continue;
    const parsed = TranslationFileSchema.safeParse(raw);
    if (!parsed.success) {
      parsed.error.issues.forEach((i) => problems.push(`${file}: ${formatPath(i.path)}: ${i.message}`));
      continue;
    }
    if (parsed.data.language !== tag) problems.push(`${file}: language: is "${parsed.data.language}", but the file name says "${tag}"`);
    const seen = new Set<string>();
    parsed.data.entries.forEach((e, i) => {
      if (translationKey(e.english) !== e.key) problems.push(`${file}: entries[${i}].key: is not the key of its English words (${translationKey(e.english)}); the English changed, so translate it again`);
      if (seen.has(e.key)) problems.push(`${file}: entries[${i}].key: ${e.key} is listed twice`);
      seen.add(e.key);
    });
    loaded.set(tag, parsed.data);
  }
  if (problems.length) throw new Error(`The translations are invalid:\n${problems.join('\n')}`);
  return loaded;
}

const TRANSLATIONS = loadTranslations(LIBRARY_DATA_FILES);
const byLanguage = new Map([...TRANSLATIONS].map(([tag, file]) => [tag, new Map(file.entries.map((e) => [e.key, e]))]));

/** The language tags that have a translations file, e.g. ['es']. */
export const TRANSLATED_LANGUAGES: readonly string[] = [...TRANSLATIONS.keys()].sort();

/** The translations file that serves a tag: the exact tag, else its primary language ('es-MX' → 'es'). */
export function translationLanguage(lang: string): string | undefined {
  const tag = lang.trim().toLowerCase();
  const primary = tag.split('-')[0] ?? '';
  return byLanguage.has(tag) ? tag : byLanguage.has(primary) ? primary : undefined;
}

export function isEnglish(lang: string): boolean {
  return lang.trim().toLowerCase().split('-')[0] === 'en';
}

/**
 * The words to show a patient who speaks `lang` for an English patient text. 'source': the
 * language is English. 'not-translated': no translation exists (or it is marked not translated),
 * so the English text comes back, in lang 'en', and the caller must say so.
 */
export function patientWording(english: string, lang: string): { text: string; lang: string; state: TranslationState | 'source' | 'not-translated' } {
  if (isEnglish(lang)) return { text: english, lang: 'en', state: 'source' };
  const tag = translationLanguage(lang);
  const entry = tag ? byLanguage.get(tag)?.get(translationKey(english)) : undefined;
  if (!tag || !entry || 'notTranslated' in entry) return { text: english, lang: 'en', state: 'not-translated' };
  return { text: entry.text, lang: tag, state: entry.state };
}

/** For one language's file: the texts with neither a translation nor a mark, and the entries no text has (stale). */
export function translationGaps(texts: readonly { english: string; where: string }[], file: TranslationFile): { missing: string[]; stale: string[] } {
  const keys = new Set(file.entries.map((e) => e.key));
  const wanted = new Set(texts.map((t) => translationKey(t.english)));
  const missing = texts.filter((t) => !keys.has(translationKey(t.english))).map((t) => `${t.where}: "${t.english}"`);
  const stale = file.entries.filter((e) => !wanted.has(e.key)).map((e) => `${e.key}: "${e.english}"`);
  return { missing: [...new Set(missing)], stale };
}

/** The language files as loaded, for the tests and the marks generator. */
export function translationFile(tag: string): TranslationFile | undefined {
  return TRANSLATIONS.get(tag);
}
