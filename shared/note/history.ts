/**
 * The note's "History" section: the patient's intake as it stood when the note was built.
 * A signed note keeps it in its signed content, with the version's id, who recorded it and when,
 * so a later intake never changes what was signed.
 */
import type { NoteClock } from '../domain/clinic-time';
import { THERAPY_LABELS, type Intake, type IntakeVersion } from '../contract/intake';
import type { NoteSection } from './model';
import { REVIEW_MARK } from './marks';

const MODALITY: Record<Intake['imaging'][number]['modality'], string> = { mri: 'MRI', ct: 'CT', 'x-ray': 'X-ray', ultrasound: 'Ultrasound', other: 'Other imaging' };
const DEFICIT: Record<NonNullable<Intake['neuro']['deficit']>, string> = {
  none: 'no deficit', sensory: 'sensory deficit', motor: 'motor deficit', reflex: 'reflex change', 'bowel-bladder': 'bowel or bladder involvement',
};
const SIDE: Record<NonNullable<Intake['symptoms'][number]['side']>, string> = { left: 'left side', right: 'right side', both: 'both sides', midline: 'midline' };
const DAY_MS = 86_400_000;
/** Said in the note instead of FUNCTION_MEASURE_REVIEW's wording: a chart note does not name the team's fact base. */
const FUNCTION_MEASURE_NOTE = 'no validated function measure is named in the clinical reference';

/** Whole weeks from a date to the day the intake was recorded: the symptom's duration then. */
function weeksSince(onset: string, recordedAt: string): number {
  return Math.max(0, Math.floor((Date.parse(recordedAt.slice(0, 10)) - Date.parse(onset)) / (7 * DAY_MS)));
}
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const joined = (parts: (string | null | false | undefined)[]) => parts.filter(Boolean).join('; ');

function symptomLine(s: Intake['symptoms'][number], recordedAt: string): string {
  const where = [s.location, s.side ? SIDE[s.side] : null, s.radiating === true ? 'radiating' : s.radiating === false ? 'not radiating' : null].filter(Boolean).join(', ');
  const onset = s.onset ? `onset ${s.onset} (${plural(weeksSince(s.onset, recordedAt), 'week')} at intake)` : 'onset not recorded';
  return `${s.description}: ${where}; ${onset}`;
}

function therapyLine(t: Intake['therapies'][number]): string {
  const span = t.endedOn ? `${t.startedOn ?? 'start not recorded'} to ${t.endedOn}` : t.startedOn ? `from ${t.startedOn}, ongoing` : null;
  const inj = t.injection;
  const injection = inj
    ? `${inj.procedure} on ${inj.date}, ${inj.percentRelief === null ? 'relief not recorded' : `${inj.percentRelief}% relief`}${inj.reliefWeeks === null ? '' : ` for ${plural(inj.reliefWeeks, 'week')}`}`
    : null;
  return `${THERAPY_LABELS[t.kind]}: ${joined([t.description, t.dose, span, t.weeks === null ? null : plural(t.weeks, 'week'), injection, `response ${t.response}`])}`;
}

export function historySection(version: IntakeVersion, clock: NoteClock): NoteSection {
  const { intake } = version;
  const fm = intake.functionMeasure;
  const list = (items: string[], none: string) => (items.length ? { kind: 'list' as const, items } : { kind: 'paragraph' as const, text: none });
  return {
    heading: 'History',
    blocks: [
      { kind: 'fields', rows: [
        ['Intake', `recorded by ${version.recordedBy.name} (${version.recordedBy.role}), ${clock.at(version.recordedAt)}; version ${version.id}`],
        ['Pain score', intake.painScore === null ? 'Not recorded' : `${intake.painScore}/10`],
        ['Function measure', fm ? `${fm.name}: ${fm.score}${fm.max === null ? '' : ` of ${fm.max}`} ${REVIEW_MARK} (${FUNCTION_MEASURE_NOTE})` : 'Not recorded'],
      ] },
      { kind: 'paragraph', text: 'Symptoms:' },
      list(intake.symptoms.map((s) => symptomLine(s, version.recordedAt)), 'None recorded.'),
      { kind: 'paragraph', text: 'Previous therapies:' },
      list(intake.therapies.map(therapyLine), 'None recorded.'),
      { kind: 'paragraph', text: 'Imaging:' },
      list(intake.imaging.map((m) => `${MODALITY[m.modality]}${m.date ? ` ${m.date}` : ''}: ${m.findings}`), 'None recorded.'),
      { kind: 'fields', rows: [
        ['Neurological exam', intake.neuro.findings || 'Not recorded'],
        ['Deficit', intake.neuro.deficit ? DEFICIT[intake.neuro.deficit] : 'Not recorded'],
        ['Goals', intake.goals || 'Not recorded'],
        ['Questions', intake.questions || 'Not recorded'],
      ] },
    ],
  };
}
