/**
 * How often a risk happens, said one way everywhere: the frequency convention of CIOMS
 * Working Group III, which the European Commission's SmPC guideline adopts (section 4.8):
 *
 *   very common ≥ 1/10; common ≥ 1/100 to < 1/10; uncommon ≥ 1/1,000 to < 1/100;
 *   rare ≥ 1/10,000 to < 1/1,000; very rare < 1/10,000;
 *   not known: cannot be estimated from the available data.
 *
 * Sources: CIOMS Working Groups III and V, "Guidelines for Preparing Core Clinical-Safety
 * Information on Drugs", 2nd edition, Geneva: CIOMS, 1999. European Commission, "A Guideline
 * on Summary of Product Characteristics (SmPC)", revision 2, September 2009, section 4.8.
 *
 * Patient wording states a figure as a natural frequency with its label beside it, e.g.
 * "about 1 in 200 (uncommon)", "about 1 to 5 in 100 (common)", "about 1 in 1,000 to 1 in
 * 10,000 (uncommon to rare)", "fewer than 1 in 100 (uncommon or rarer)". A risk whose figure
 * is not known says so (NO_FIGURE_WORDING) and its frequency is 'unknown' (the SmPC's "not
 * known"). The labels are kept for figures: patient wording uses them nowhere else.
 */

/** The risk's `frequency` field: a band of the convention, or 'unknown' ("not known"). */
export const FREQUENCY_IDS = ['very-common', 'common', 'uncommon', 'rare', 'very-rare', 'unknown'] as const;
export type FrequencyId = (typeof FREQUENCY_IDS)[number];

export interface FrequencyBand {
  id: Exclude<FrequencyId, 'unknown'>;
  label: string;
  /** The band starts at 1 in this many (inclusive); null: below the next band up. */
  atLeastOneIn: number | null;
}

/** Most frequent first. */
export const FREQUENCY_BANDS: readonly FrequencyBand[] = [
  { id: 'very-common', label: 'very common', atLeastOneIn: 10 },
  { id: 'common', label: 'common', atLeastOneIn: 100 },
  { id: 'uncommon', label: 'uncommon', atLeastOneIn: 1_000 },
  { id: 'rare', label: 'rare', atLeastOneIn: 10_000 },
  { id: 'very-rare', label: 'very rare', atLeastOneIn: null },
];

/** n in d, as whole numbers (compared exactly, never as floating point). */
export interface Rate {
  n: number;
  d: number;
}

/** The band a rate falls in; `below`: the band of a rate just under it (for "fewer than n in d"). */
export function bandOf({ n, d }: Rate, below = false): FrequencyBand {
  const band = FREQUENCY_BANDS.find((b) => b.atLeastOneIn === null || (below ? n * b.atLeastOneIn > d : n * b.atLeastOneIn >= d));
  return band ?? FREQUENCY_BANDS[FREQUENCY_BANDS.length - 1]!;
}

/** A figure as patient wording states it. */
export type StatedFrequency =
  | { kind: 'about'; rates: [Rate] | [Rate, Rate] }
  | { kind: 'fewer-than'; bound: Rate };

/** The label written beside a figure: one band, two joined by "to", or a bound's band "or rarer". */
export function frequencyLabel(f: StatedFrequency): string {
  if (f.kind === 'fewer-than') {
    const band = bandOf(f.bound, true);
    return band.id === 'very-rare' ? band.label : `${band.label} or rarer`;
  }
  const labels = [...new Set(f.rates.map((r) => bandOf(r).label))];
  return labels.join(' to ');
}

/** The band a risk's `frequency` field takes from a figure: its most frequent end (the cautious reading). */
export function frequencyField(f: StatedFrequency): FrequencyBand['id'] {
  if (f.kind === 'fewer-than') return bandOf(f.bound, true).id;
  const bands = f.rates.map((r) => FREQUENCY_BANDS.indexOf(bandOf(r)));
  return FREQUENCY_BANDS[Math.min(...bands)]!.id;
}

const NUMBER = String.raw`\d{1,3}(?:,\d{3})*`;
/**
 * A figure in patient wording, its label beside it: "about N in D", "about N to M in D",
 * "about N in D to N in D", "fewer than N in D"; up to three words may name what is counted
 * ("about 1 in 200 shots (uncommon)", "about 8 in 100 of these shots (common)").
 */
export const FREQUENCY_PHRASE = new RegExp(
  String.raw`\b([Aa]bout|[Ff]ewer than) (${NUMBER})(?: to (${NUMBER}))? in (${NUMBER})(?: to (${NUMBER}) in (${NUMBER}))?((?: [a-z-]+){0,3}) \(([a-z ]+)\)`,
  'g',
);

export interface FoundFrequency {
  /** The words as written, label included. */
  phrase: string;
  stated: StatedFrequency;
  /** The label as written. */
  label: string;
}

const toNumber = (s: string) => Number(s.replace(/,/g, ''));

/** Every figure stated in the natural-frequency format, with the label written beside it. */
export function findFrequencies(text: string): FoundFrequency[] {
  return [...text.matchAll(FREQUENCY_PHRASE)].map((m) => {
    const [phrase, kind, n1, n2, d1, n3, d3, , label] = m as unknown as string[];
    const first: Rate = { n: toNumber(n1!), d: toNumber(d1!) };
    let stated: StatedFrequency;
    if (kind!.toLowerCase() === 'fewer than') stated = { kind: 'fewer-than', bound: first };
    else if (n2) stated = { kind: 'about', rates: [first, { n: toNumber(n2), d: first.d }] };
    else if (n3 && d3) stated = { kind: 'about', rates: [first, { n: toNumber(n3), d: toNumber(d3) }] };
    else stated = { kind: 'about', rates: [first] };
    return { phrase: phrase!, stated, label: label! };
  });
}

/** The rate(s) a stated figure gives, as fractions (for comparing with a source's figure). */
export function ratesOf(f: StatedFrequency): number[] {
  return f.kind === 'fewer-than' ? [f.bound.n / f.bound.d] : f.rates.map((r) => r.n / r.d);
}

/** What a risk with no known figure says, in these words: "No one knows exactly how often this happens." */
export const NO_FIGURE_WORDING = /\bNo one knows exactly how often (?:this|these|it|they) happens?\b/;

/** The convention's labels, and their adverbs, outside a figure's label: reserved for figures. */
export const FREQUENCY_WORDS = /\b(?:very common|commonly|common|uncommonly|uncommon|very rare|rarely|rarer|rare)\b/i;

/** Anything else that reads as a figure: "4 out of 100", "1 in 200" without a label, a percentage. */
export const OTHER_FIGURE = /\d[\d,.]*\s*(?:%|percent|per ?cent|out of|in \d|per \d)/i;
