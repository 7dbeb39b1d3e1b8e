/**
 * Every text field of the contract is one of these: a person's name, a short
 * line, or long text (newline and tab allowed). Each is NFC-normalised and
 * trimmed, and refuses the characters text-rules.ts lists with a message that
 * names the field ("the family name contains a control character (U+001B) at
 * character 4"). Passwords are the one exception (auth.ts): they are compared
 * as typed.
 *
 * The same schemas also read back what is stored (the output side of a method,
 * the note's export), where rows written before these rules may hold such
 * characters: inside readStored() they neutralise instead of refusing, so an
 * old encounter still opens and exports, cleanly.
 */
import { z } from 'zod';
import { neutraliseText, nfc, normaliseLineEndings, textProblem, type TextShape } from './text-rules';

export interface TextOptions {
  /** Fewest characters after trimming (0 unless given). */
  min?: number;
  max: number;
  /** The message for an empty (or too short) value; default "<field> is required". */
  required?: string;
  /** The message for a value over max; default "<field> is longer than <max> characters". */
  tooLong?: string;
}

/** Each text schema carries this as metadata, so a test can find every text field of the contract. */
export interface TextRuleMeta {
  textRule: TextShape;
  field: string;
}

let storedReads = 0;

/** Runs a parse of stored data: the text schemas neutralise what they would refuse as input. Synchronous parses only. */
export function readStored<T>(read: () => T): T {
  storedReads += 1;
  try {
    return read();
  } finally {
    storedReads -= 1;
  }
}

function textSchema(field: string, shape: TextShape, options: TextOptions & { normalise?: boolean }) {
  const { min = 0, max, normalise = true } = options;
  return z
    .string()
    .overwrite((raw) => {
      // A path read back is used as it is: any rewrite would name another folder.
      if (!normalise) return storedReads > 0 ? raw : raw.trim();
      const text = shape === 'multiline' ? normaliseLineEndings(nfc(raw)) : nfc(raw);
      return (storedReads > 0 ? neutraliseText(text, shape) : text).trim();
    })
    .superRefine((text, ctx) => {
      // What is stored was accepted once; reading it back never fails on its length.
      if (storedReads > 0) return;
      const problem = textProblem(text, shape);
      if (problem) ctx.addIssue({ code: 'custom', message: `${field} ${problem}` });
      else if (text.length < min) ctx.addIssue({ code: 'custom', message: options.required ?? (min <= 1 ? `${field} is required` : `${field} needs at least ${min} characters`) });
      else if (text.length > max) ctx.addIssue({ code: 'custom', message: options.tooLong ?? `${field} is longer than ${max} characters` });
    })
    .meta({ textRule: shape, field });
}

/** A person's name (patient, signer, surrogate, team member, account): one line, at least one character. */
export function personName(field: string, options: Partial<TextOptions> = {}) {
  return textSchema(field, 'line', { min: 1, max: 100, ...options });
}

/** A label, reason, identifier or search on one line: no line break, no tab. */
export function shortText(field: string, options: TextOptions) {
  return textSchema(field, 'line', options);
}

/** Free text a clinician types in a text area: newlines and tabs are kept (CR LF becomes LF). */
export function longText(field: string, options: TextOptions) {
  return textSchema(field, 'multiline', options);
}

/** A folder path: one line and no refused character, but never renormalised (a file system compares bytes). */
export function pathText(field: string, options: TextOptions) {
  return textSchema(field, 'line', { ...options, normalise: false });
}

/**
 * Text of a procedure template (library import, publishing): refused characters are refused,
 * but nothing is rewritten, because a template version is stored and hashed exactly as given.
 */
export function libraryText(field: string, shape: TextShape = 'multiline') {
  return z
    .string()
    .min(1)
    .superRefine((text, ctx) => {
      if (storedReads > 0) return;
      const problem = textProblem(text, shape);
      if (problem) ctx.addIssue({ code: 'custom', message: `${field} ${problem}` });
    })
    .meta({ textRule: shape, field });
}

/** Output side of text read back from storage (never input): neutralised, never refused. */
export const storedLine = z.string().overwrite((text) => neutraliseText(text, 'line'));
export const storedText = z.string().overwrite((text) => neutraliseText(text, 'multiline'));
