/**
 * The printable patient handout: one sheet per procedure in the patient's language, built
 * only from what the library and the encounter already say to the patient (no new clinical
 * content). Every string goes through the Wording function. Marks, as on the discharge sheet:
 * " *" on a line whose facts await clinical review (with its footnote; sources are never
 * printed); "Not reviewed by a clinician" at the top and on each translated line no clinician
 * has reviewed; "(English: not yet translated)" after a line printed in English for want of one.
 */
import type { FollowUpPlan } from '../contract/follow-up-plan';
import { clinicDate } from '../domain/clinic-time';
import { isFactUnverified, factsOf } from '../library/evidence-summary';
import { patientTexts, type PatientText, type PatientTextPart } from '../library/patient-text';
import type { ImagingModality, Template } from '../library/schema';
import { REVIEW_NOTE, type InstructionLine } from '../workflow/discharge-instructions';
import { lineNeedsReview, type DischargeLines } from '../workflow/discharge-lines';
import { patientName } from './format';
import {
  CLINIC_PHONE, CONTACT_WORDS, EMERGENCY, HEADINGS, IMAGING_USED, IMAGING_WORDS, NO_FOLLOW_UP, NOT_REVIEWED, NOT_TRANSLATED, RESTART_LATER,
  type HandoutSectionId, type Wording, type WordingState,
} from './handout-text';

export interface HandoutLine {
  /** The words as printed: in the patient's language, or in English when not translated. */
  text: string;
  lang: string;
  state: WordingState;
  /** A medicine's name printed before the words; a name is never translated. */
  label?: string;
  /** A time or date printed after the words, written in the patient's language. */
  when?: string;
  /** Printed after the line, already in the patient's language: " *", the translation marks. */
  marks: string[];
}

export interface HandoutSection {
  id: HandoutSectionId;
  heading: HandoutLine;
  lines: HandoutLine[];
}

export interface Handout {
  lang: string;
  title: HandoutLine;
  /** Name, MRN and the date, for the staff handing it over. */
  patientLine: string;
  /** Shown at the top when any translated line on the sheet is not reviewed by a clinician. */
  notReviewedMark: string | null;
  sections: HandoutSection[];
  /** The clinic phone and emergency line, then the clinical-review footnote when a line carries " *". */
  footer: HandoutLine[];
}

export interface HandoutInput {
  template: Template;
  /** Facts the clinic's reviewer accepted for this template version: no " *". */
  reviewedFactIds: ReadonlySet<string>;
  patient: { familyName: string; givenName: string; mrn: string };
  imagingModality: ImagingModality;
  /** The going-home lines as the discharge screen shows them, restart times written in the handout's language. */
  discharge: DischargeLines;
  /** The procedure has ended (recovery started): only then is a restart time counted from it. */
  procedureEnded: boolean;
  followUpPlans: readonly Pick<FollowUpPlan, 'dueDate' | 'how' | 'voided' | 'done'>[];
  generatedAt: string;
  timeZone: string;
  /** The patient's language, a BCP 47 tag. */
  lang: string;
}

/** A YYYY-MM-DD calendar date written out in the patient's language ("Tuesday, December 8, 2026"). */
function longDate(date: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** Of several strings on one line, the state that needs the mark: not translated, then not reviewed. */
const STATE_ORDER: readonly WordingState[] = ['not-translated', 'not-reviewed', 'reviewed', 'source'];

export function buildHandout(input: HandoutInput, wording: Wording): Handout {
  const { template, lang } = input;
  const mark = (english: string) => wording(english, lang).text;
  /**
   * Strings through the wording one by one (a label and its words are looked up apart), joined by
   * `sep`, with the translation marks and, when the line's facts await review, " *".
   */
  const line = (english: string | readonly string[], clinicalReview = false, extra: Pick<HandoutLine, 'label' | 'when'> = {}, sep = ' '): HandoutLine => {
    const words = (typeof english === 'string' ? [english] : english).map((e) => wording(e, lang));
    const states = new Set(words.map((w) => w.state));
    const state = STATE_ORDER.find((s) => states.has(s)) ?? 'source';
    const marks = [
      ...(clinicalReview ? ['*'] : []),
      ...(states.has('not-reviewed') ? [`[${mark(NOT_REVIEWED)}]`] : []),
      ...(states.has('not-translated') ? [mark(NOT_TRANSLATED)] : []),
    ];
    return { text: words.map((w) => w.text).join(sep), lang: words.every((w) => w.lang === lang) ? lang : words[0]!.lang, state, ...extra, marks };
  };

  const unverified = new Set(factsOf(template).filter((f) => isFactUnverified(f) && !input.reviewedFactIds.has(f.id)).map((f) => f.id));
  const texts = patientTexts(template);
  const phaseOf = new Map(template.monitoring.map((m) => [m.id, m.phase]));
  const said = (parts: readonly PatientTextPart[], keep: (p: PatientText) => boolean = () => true) =>
    texts.filter((p) => parts.includes(p.part) && keep(p)).map((p) => line(p.text, unverified.has(p.factId)));
  const instruction = (l: InstructionLine) => line(l.text, lineNeedsReview(l), { ...(l.drug ? { label: l.drug } : {}), ...(l.when ? { when: l.when } : {}) });

  const { signs, restart } = input.discharge;
  const plans = input.followUpPlans.filter((p) => !p.voided && !p.done);
  const sections: HandoutSection[] = [
    { id: 'what', lines: said(['indications', 'expectedBenefit']) },
    {
      id: 'happens',
      lines: [
        line([IMAGING_USED, IMAGING_WORDS[input.imagingModality]]),
        ...said(['imaging.checks']),
        ...said(['monitoring'], (p) => phaseOf.get(p.factId) !== 'post'),
      ],
    },
    { id: 'risks', lines: said(['risks', 'requiredCounselling']) },
    { id: 'choices', lines: said(['alternatives']) },
    {
      id: 'after',
      // What the discharge screen gives (the template's after-care monitoring says the same red flags again).
      lines: signs.filter((l) => l.id === 'no-driving').map(instruction),
    },
    { id: 'help', lines: signs.filter((l) => l.id !== 'no-driving').map(instruction) },
    {
      id: 'thinner',
      lines: input.procedureEnded ? restart.map(instruction) : restart.map((l) => line(RESTART_LATER, false, l.drug ? { label: l.drug } : {})),
    },
    {
      id: 'followUp',
      lines: [
        ...(plans.length ? plans.map((p) => line(CONTACT_WORDS[p.how], false, { when: longDate(p.dueDate, lang) })) : [line(NO_FOLLOW_UP)]),
        ...said(['followUp']),
      ],
    },
  ].filter((s) => s.lines.length > 0).map((s) => ({ ...s, id: s.id as HandoutSectionId, heading: line(HEADINGS[s.id as HandoutSectionId]) }));

  const all = sections.flatMap((s) => [s.heading, ...s.lines]);
  const title = line(template.name);
  const review = all.some((l) => l.marks.includes('*'));
  const footer = [line([CLINIC_PHONE, EMERGENCY], false, {}, ' ______________________ · '), ...(review ? [line(REVIEW_NOTE)] : [])];
  const anyNotReviewed = [title, ...all, ...footer].some((l) => l.state === 'not-reviewed');
  const notReviewedText = mark(NOT_REVIEWED);
  // When no line is a reviewed translation, the mark at the top covers every line; repeating it on
  // each would bury the words. Only a sheet mixing reviewed and unreviewed lines marks them one by one.
  const mixed = [title, ...all, ...footer].some((l) => l.state === 'reviewed');
  const unmarked = (l: HandoutLine): HandoutLine => (mixed ? l : { ...l, marks: l.marks.filter((m) => m !== `[${notReviewedText}]`) });
  return {
    lang,
    title: unmarked(title),
    patientLine: `${patientName(input.patient)} · MRN ${input.patient.mrn} · ${longDate(clinicDate(input.generatedAt, input.timeZone), lang)}`,
    // Also in English when translated, so the staff handing it over can read it.
    notReviewedMark: anyNotReviewed ? (notReviewedText === NOT_REVIEWED ? NOT_REVIEWED : `${notReviewedText} / ${NOT_REVIEWED}`) : null,
    sections: sections.map((sec) => ({ ...sec, heading: unmarked(sec.heading), lines: sec.lines.map(unmarked) })),
    footer: footer.map(unmarked),
  };
}
