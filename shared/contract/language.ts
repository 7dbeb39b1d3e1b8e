/** A language as the app stores it now: a BCP 47 tag from the one list (shared/domain/languages.ts). */
import { z } from 'zod';
import { findLanguage } from '../domain/languages';

export const LanguageTagSchema = z.string().refine((tag) => !!findLanguage(tag), {
  message: 'choose a language from the list (a BCP 47 tag such as "es")',
});
