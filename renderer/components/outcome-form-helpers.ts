/** Small helpers the follow-up and pain-diary forms share: field errors by input path, and whole numbers typed as text. */

/** The error for a field: a key equal to the path, or ending in ".path". */
export function errorAt(errors: Record<string, string>, path: string): string | undefined {
  const key = Object.keys(errors).find((k) => k === path || k.endsWith(`.${path}`));
  return key === undefined ? undefined : errors[key];
}

/** Errors no field of the form shows ('form', or a path it has no field for): shown in the alert. */
export function formLevel(errors: Record<string, string>, fields: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([k]) => k === 'form' || !fields.some((f) => k === f || k.startsWith(`${f}.`) || k.endsWith(`.${f}`)))
    .map(([, v]) => v);
}

/** "" is not recorded (null); anything else must be a whole number within the range, or the form says so. */
export function parseWhole(text: string, min: number, max: number): number | null | 'invalid' {
  const t = text.trim();
  if (!t) return null;
  if (!/^\d+$/.test(t)) return 'invalid';
  const n = Number(t);
  return n >= min && n <= max ? n : 'invalid';
}

export const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
