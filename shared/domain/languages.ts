/**
 * The one list of languages the app offers, as BCP 47 tags: a patient's preferred language and a
 * consent interpreter's language are both chosen from it. The common languages of US clinics
 * (the Census Bureau's most-spoken languages at home), with English and native names.
 */
export interface Language {
  tag: string;
  english: string;
  native: string;
}

export const LANGUAGES: readonly Language[] = [
  { tag: 'en', english: 'English', native: 'English' },
  { tag: 'es', english: 'Spanish', native: 'Español' },
  { tag: 'zh', english: 'Chinese', native: '中文' },
  { tag: 'yue', english: 'Cantonese', native: '粵語' },
  { tag: 'vi', english: 'Vietnamese', native: 'Tiếng Việt' },
  { tag: 'tl', english: 'Tagalog', native: 'Tagalog' },
  { tag: 'ar', english: 'Arabic', native: 'العربية' },
  { tag: 'fr', english: 'French', native: 'Français' },
  { tag: 'ko', english: 'Korean', native: '한국어' },
  { tag: 'ru', english: 'Russian', native: 'Русский' },
  { tag: 'ht', english: 'Haitian Creole', native: 'Kreyòl ayisyen' },
  { tag: 'pt', english: 'Portuguese', native: 'Português' },
  { tag: 'pl', english: 'Polish', native: 'Polski' },
  { tag: 'de', english: 'German', native: 'Deutsch' },
  { tag: 'hi', english: 'Hindi', native: 'हिन्दी' },
  { tag: 'ur', english: 'Urdu', native: 'اردو' },
  { tag: 'bn', english: 'Bengali', native: 'বাংলা' },
  { tag: 'pa', english: 'Punjabi', native: 'ਪੰਜਾਬੀ' },
  { tag: 'gu', english: 'Gujarati', native: 'ગુજરાતી' },
  { tag: 'fa', english: 'Persian (Farsi)', native: 'فارسی' },
  { tag: 'ja', english: 'Japanese', native: '日本語' },
  { tag: 'it', english: 'Italian', native: 'Italiano' },
  { tag: 'el', english: 'Greek', native: 'Ελληνικά' },
  { tag: 'hy', english: 'Armenian', native: 'Հայերեն' },
  { tag: 'uk', english: 'Ukrainian', native: 'Українська' },
  { tag: 'so', english: 'Somali', native: 'Soomaali' },
  { tag: 'am', english: 'Amharic', native: 'አማርኛ' },
  { tag: 'sw', english: 'Swahili', native: 'Kiswahili' },
  { tag: 'km', english: 'Khmer', native: 'ខ្មែរ' },
  { tag: 'lo', english: 'Lao', native: 'ລາວ' },
  { tag: 'hmn', english: 'Hmong', native: 'Hmoob' },
  { tag: 'ne', english: 'Nepali', native: 'नेपाली' },
  { tag: 'my', english: 'Burmese', native: 'မြန်မာ' },
  { tag: 'he', english: 'Hebrew', native: 'עברית' },
  { tag: 'yi', english: 'Yiddish', native: 'ייִדיש' },
  { tag: 'nv', english: 'Navajo', native: 'Diné bizaad' },
  { tag: 'ase', english: 'American Sign Language', native: 'ASL' },
];

const byTag = new Map(LANGUAGES.map((l) => [l.tag, l]));

export const LANGUAGE_TAGS = LANGUAGES.map((l) => l.tag) as [string, ...string[]];

export function findLanguage(tag: string): Language | undefined {
  return byTag.get(tag);
}

/** "Spanish (Español)" for a tag in the list; a value stored before the list (free text) as it was entered. */
export function languageLabel(value: string): string {
  const language = byTag.get(value);
  if (!language) return value;
  return language.native === language.english ? language.english : `${language.english} (${language.native})`;
}

/** The English name for the note ("Spanish"); a value stored before the list, as it was entered. */
export function languageName(value: string): string {
  return byTag.get(value)?.english ?? value;
}

/**
 * The list's tag for a language an EHR sent (HL7 PID-15, FHIR Patient.communication): its code as a
 * BCP 47 or ISO 639-1 tag, any case ("es", "ES"), a regional tag by its language ("es-MX" → "es"),
 * else its text by the English name ("Spanish"). Null when none is on the list: nothing is guessed.
 */
export function languageFromEhr(code: string, text = ''): string | null {
  const tag = code.trim().toLowerCase();
  if (byTag.has(tag)) return tag;
  const base = tag.split('-')[0]!;
  if (tag.includes('-') && byTag.has(base)) return base;
  const name = text.trim().toLowerCase();
  return LANGUAGES.find((l) => name !== '' && l.english.toLowerCase() === name)?.tag ?? null;
}
