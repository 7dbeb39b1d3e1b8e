/**
 * The patient's earlier procedures as coverage rules count them: the clinic's own
 * encounters plus the injections the patient reported in the intake, each with its
 * family, region and date. Pure.
 */
import { familyOfTemplate, regionOfTemplate, type ProcedureFamily, type SpinalRegion } from '../clinical/payer-rules';
import type { CoverageInput, EarlierProcedure } from './coverage-input';

export interface CountedProcedure extends EarlierProcedure {
  family: ProcedureFamily | null;
  region: SpinalRegion | null;
}

/** What a patient's own words name, as far as plain keywords tell; null when they do not say. */
export function familyFromWords(words: string): ProcedureFamily | null {
  if (/epidural|\besi\b/i.test(words)) return 'esi';
  if (/radiofrequency|\brfa\b|ablation/i.test(words) && /facet|medial branch/i.test(words)) return 'facet-rfa';
  if (/medial branch block|\bmbb\b/i.test(words)) return 'mbb';
  return null;
}

export function regionFromWords(words: string): SpinalRegion | null {
  if (/cervical|\bneck\b/i.test(words)) return 'cervical';
  if (/thoracic/i.test(words)) return 'thoracic';
  if (/lumbar|caudal|sacral|low(er)? back/i.test(words)) return 'lumbosacral';
  return null;
}

/**
 * Earlier procedures before the day, newest first. An intake injection of the same
 * family on the same date as a clinic encounter is the same session, counted once.
 */
export function earlierProcedures(input: CoverageInput): CountedProcedure[] {
  const clinic: CountedProcedure[] = input.earlier.map((e) => ({
    ...e,
    family: e.templateId ? familyOfTemplate(e.templateId) : (e.family ?? null),
    region: e.region ?? (e.templateId ? regionOfTemplate(e.templateId) : null),
  }));
  const reported: CountedProcedure[] = (input.intake?.therapies ?? []).flatMap((t) => {
    const inj = t.injection;
    if (!inj) return [];
    const words = `${inj.procedure} ${t.description}`;
    return [{
      templateId: null,
      date: inj.date,
      family: familyFromWords(words),
      region: regionFromWords(words),
      outcome: { percentRelief: inj.percentRelief, reliefWeeks: inj.reliefWeeks },
      from: 'intake' as const,
      label: inj.procedure,
    }];
  });
  const same = (a: CountedProcedure, b: CountedProcedure) => a.date === b.date && a.family === b.family && a.family !== null;
  return [...clinic, ...reported.filter((r) => !clinic.some((c) => same(c, r)))]
    .filter((e) => e.date <= input.now)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

const DAY_MS = 86_400_000;

/** Whole days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY_MS);
}

/** The date `months` calendar months before `date`, the day clamped to the month's end (29 Feb → 28 Feb). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A rolling window of `months` ending on `now`: a date exactly `months` back is outside it. */
export function inWindow(date: string, now: string, months: number): boolean {
  return date > monthsBefore(now, months) && date <= now;
}
