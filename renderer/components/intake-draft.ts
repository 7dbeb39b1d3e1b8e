/**
 * The intake form's draft: every field as typed (numbers as text), and its conversion to the
 * contract's Intake, checked with the contract's own schema so a problem is keyed by the same
 * path the core would give ("intake.therapies.0.injection.percentRelief") and shown beside it.
 */
import { IntakeSchema, type Intake, type IntakeInput } from '#shared/contract/intake';

export interface SymptomDraft { description: string; location: string; side: string; radiating: string; onset: string }
export interface TherapyDraft {
  kind: Intake['therapies'][number]['kind']; description: string; dose: string; startedOn: string; endedOn: string; weeks: string;
  response: Intake['therapies'][number]['response']; procedure: string; date: string; percentRelief: string; reliefWeeks: string;
}
export interface ImagingDraft { modality: Intake['imaging'][number]['modality']; date: string; findings: string }
export interface IntakeDraft {
  symptoms: SymptomDraft[];
  painScore: string;
  functionName: string; functionScore: string; functionMax: string;
  therapies: TherapyDraft[];
  imaging: ImagingDraft[];
  neuroFindings: string; deficit: string;
  goals: string; questions: string;
}

export const emptySymptom = (): SymptomDraft => ({ description: '', location: '', side: '', radiating: '', onset: '' });
export const emptyTherapy = (): TherapyDraft => ({
  kind: 'physical-therapy', description: '', dose: '', startedOn: '', endedOn: '', weeks: '', response: 'unknown', procedure: '', date: '', percentRelief: '', reliefWeeks: '',
});
export const emptyImaging = (): ImagingDraft => ({ modality: 'mri', date: '', findings: '' });
export const emptyDraft = (): IntakeDraft => ({
  symptoms: [], painScore: '', functionName: '', functionScore: '', functionMax: '', therapies: [], imaging: [], neuroFindings: '', deficit: '', goals: '', questions: '',
});

const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** A stored intake back into the form (a new version starts from the latest). */
export function draftOf(i: Intake): IntakeDraft {
  return {
    symptoms: i.symptoms.map((s) => ({ description: s.description, location: s.location, side: s.side ?? '', radiating: s.radiating === null ? '' : s.radiating ? 'yes' : 'no', onset: s.onset ?? '' })),
    painScore: text(i.painScore),
    functionName: i.functionMeasure?.name ?? '', functionScore: text(i.functionMeasure?.score), functionMax: text(i.functionMeasure?.max),
    therapies: i.therapies.map((t) => ({
      kind: t.kind, description: t.description, dose: t.dose ?? '', startedOn: t.startedOn ?? '', endedOn: t.endedOn ?? '', weeks: text(t.weeks), response: t.response,
      procedure: t.injection?.procedure ?? '', date: t.injection?.date ?? '', percentRelief: text(t.injection?.percentRelief), reliefWeeks: text(t.injection?.reliefWeeks),
    })),
    imaging: i.imaging.map((m) => ({ modality: m.modality, date: m.date ?? '', findings: m.findings })),
    neuroFindings: i.neuro.findings, deficit: i.neuro.deficit ?? '', goals: i.goals, questions: i.questions,
  };
}

/** The intake the draft describes, or its problems keyed by field path. */
export function intakeOf(d: IntakeDraft): { intake: IntakeInput } | { problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const num = (path: string, v: string): number | null => {
    if (!v.trim()) return null;
    const n = Number(v.trim());
    if (!Number.isFinite(n)) problems[path] = 'enter a number';
    return n;
  };
  const date = (v: string) => v.trim() || null;
  const hasFunction = [d.functionName, d.functionScore, d.functionMax].some((v) => v.trim());
  const candidate: IntakeInput = {
    symptoms: d.symptoms.map((s) => ({
      description: s.description, location: s.location, side: (s.side || null) as Intake['symptoms'][number]['side'],
      radiating: s.radiating === '' ? null : s.radiating === 'yes', onset: date(s.onset),
    })),
    painScore: num('intake.painScore', d.painScore),
    functionMeasure: hasFunction
      ? { name: d.functionName, score: num('intake.functionMeasure.score', d.functionScore) ?? Number.NaN, max: num('intake.functionMeasure.max', d.functionMax) }
      : null,
    therapies: d.therapies.map((t, i) => ({
      kind: t.kind, description: t.description, ...(t.kind === 'medication' && t.dose.trim() ? { dose: t.dose } : {}),
      startedOn: date(t.startedOn), endedOn: date(t.endedOn), weeks: num(`intake.therapies.${i}.weeks`, t.weeks), response: t.response,
      ...(t.kind === 'injection' ? { injection: {
        procedure: t.procedure, date: t.date.trim(),
        percentRelief: num(`intake.therapies.${i}.injection.percentRelief`, t.percentRelief), reliefWeeks: num(`intake.therapies.${i}.injection.reliefWeeks`, t.reliefWeeks),
      } } : {}),
    })),
    imaging: d.imaging.map((m) => ({ modality: m.modality, date: date(m.date), findings: m.findings })),
    neuro: { findings: d.neuroFindings, deficit: (d.deficit || null) as Intake['neuro']['deficit'] },
    goals: d.goals,
    questions: d.questions,
  };
  const parsed = IntakeSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = ['intake', ...issue.path.map(String)].join('.');
      problems[path] ??= issue.message;
    }
  }
  return Object.keys(problems).length ? { problems } : { intake: candidate };
}
