/**
 * The consent-discussion note as one content model. The PDF and the plain text
 * are two renderings of this, so they can never say different things.
 */
import type { ConsentDiscussion } from '../contract/consent';
import type { EncounterDetail } from '../contract/encounter';
import type { Actor } from '../contract/common';
import { buildChecklist } from '../domain/checklist';
import { encounterRisk } from '../domain/encounter-workflow';
import { IMAGING_MODALITY_LABELS } from '../domain/imaging';
import { evidenceState } from '../library/evidence-state';
import type { SourceRef, Template } from '../library/schema';
import type { Source } from '../library/source-schema';
import { CHART_GUIDELINE_IDS } from '../library/sources';
import { noteClock } from '../domain/clinic-time';
import { formatDate, labelled, patientName } from './format';
import type { NoteContent, NoteSection } from './model';
import { REVIEW_MARK, SECONDARY_MARK } from './marks';
import { bleedingRiskSection, procedureDaySection } from './procedure-day';
import { historySection } from './history';
import type { IntakeVersion } from '../contract/intake';
import { attestationSection, TIMES_LABEL, type Signing } from './signature';
import type { OptionalNoteField } from '../contract/settings';
import {
  fdaEsiSection, fieldsNotUsedSection, participantSignaturesSection, participantsSection, teachBackSection, whenWhereSection,
  type DiscussionInput,
} from './discussion';


const LATERALITY: Record<string, string> = { left: 'Left', right: 'Right', bilateral: 'Bilateral' };
const DECISION: Record<string, string> = {
  consents: 'The patient consents to the procedure.',
  declines: 'The patient declines the procedure.',
  defers: 'The patient defers the decision.',
};


export interface NoteInput {
  detail: EncounterDetail;
  template: Template;
  sources: readonly Source[];
  /** Unverified facts the clinic's reviewer has accepted for this template version. */
  reviewedFactIds: ReadonlySet<string>;
  exportedBy: Actor;
  generatedAt: string;
  /** The clinic's time zone (settings): every time in the note is its wall clock, the zone named once. */
  timeZone: string;
  /**
   * Present when the content is built to be signed: the physician's attestation
   * becomes part of the signed content (and so of its hash), and the rows about
   * an export are left out (a signed note is exported many times, unchanged).
   */
  signing?: Signing;
  /** Optional fields the clinic switched off for this template (settings.noteFieldsOff). */
  fieldsOff?: readonly OptionalNoteField[];
  /** The patient's latest intake when the note is built: its "History" section (none without one). */
  intake?: IntakeVersion | null;
}

/**
 * The note's "Template and sources" section. A chart note records care; it is not a
 * bibliography (fact-reference.md, citing rule 3): it names the template with its version
 * and, at most, the primary guidelines the discussion rests on that this template cites
 * (CHART_GUIDELINE_IDS). Every other source, with its evidence tag and reliability, stays
 * in the app's reference view (the procedure library).
 */
export function templateAndSourcesSection(template: Template, sources: readonly Source[]): NoteSection {
  const cited = new Map(sources.map((s) => [s.id, s]));
  const guidelines = CHART_GUIDELINE_IDS.map((id) => cited.get(id)).filter((s) => s !== undefined);
  return {
    heading: 'Template and sources',
    blocks: [
      { kind: 'fields', rows: [['Template', `${template.name}, version ${template.version} (${template.id})`]] },
      ...(guidelines.length
        ? [
            { kind: 'paragraph' as const, text: 'Primary guidelines the discussion rests on:' },
            { kind: 'list' as const, items: guidelines.map((g) => `${g.citation}${g.url && !/\bdoi:/i.test(g.citation) ? `. ${g.url}` : ''}`) },
          ]
        : []),
      {
        kind: 'paragraph',
        text: `Statements marked ${REVIEW_MARK} rest on no verified primary source, and the clinic's reviewer has not yet accepted them; those marked ${SECONDARY_MARK} are known only from a secondary summary. The full sources of this template version, with their evidence levels, are listed in ProcedureDesk's procedure library.`,
      },
    ],
  };
}

/** Counselling facts that state the nature and purpose of the procedure, where the template has them. */
const PURPOSE_FACTS = ['nature-and-purpose', 'diagnostic-purpose', 'trial-purpose'];

export function buildNoteContent({ detail, template, sources, reviewedFactIds, exportedBy, generatedAt, timeZone, signing, fieldsOff = [], intake = null }: NoteInput): NoteContent {
  // Named once as the zone reads at the note's own moment (signing, or generation): a clerk reads bare times below it.
  const clock = noteClock(timeZone, signing?.signedAt ?? generatedAt);
  // Each statement carries its evidence state (evidence-state.ts): needs review, unless the clinic's reviewer accepted it; or secondary source.
  const marked = (text: string, factId: string, factSources: readonly SourceRef[], part?: 'incidence'): string => {
    const state = evidenceState({ sources: factSources, templateId: template.id, factId, hasIncidence: part === 'incidence' }, reviewedFactIds.has(factId));
    return state === 'needs-review' ? `${text} ${REVIEW_MARK}` : state === 'secondary' ? `${text} ${SECONDARY_MARK}` : text;
  };
  const { encounter, patient } = detail;
  const consent: ConsentDiscussion | null = detail.consent;
  const states = new Map(detail.items.map((s) => [s.itemId, s]));
  const risksSection = buildChecklist(template).find((s) => s.id === 'risks');
  const riskItems = risksSection ? risksSection.items : [];

  const discussed: string[] = [];
  const notApplicable: string[] = [];
  const notDiscussed: string[] = [];
  for (const item of riskItems) {
    const state = states.get(item.id);
    const risk = template.risks.find((r) => r.id === item.id);
    const counselling = template.requiredCounselling.find((c) => c.id === item.id);
    const wording = risk?.patientText ?? counselling?.patientText ?? item.label;
    // The statement and its incidence figure are marked each on its own support (a figure from a lay page alone needs review).
    const incidence = risk?.incidence ? ` Incidence: ${marked(risk.incidence.text, item.id, risk.incidence.sources, 'incidence')}.` : '';
    const line = labelled(item.label, `${marked(wording, item.id, risk ? risk.sources : item.sources)}${incidence}`);
    if (state?.status === 'checked') discussed.push(line);
    else if (state?.status === 'not-applicable') notApplicable.push(labelled(item.label, `not applicable (${state.reason ?? 'no reason given'})`));
    else notDiscussed.push(item.label);
  }

  const discussion: DiscussionInput = {
    consent, template, items: states, signatures: detail.signatures, fieldsOff: new Set(fieldsOff),
    marked, reviewMark: REVIEW_MARK, clock,
  };
  const off = discussion.fieldsOff;
  const purposeFacts = template.requiredCounselling.filter((c) => PURPOSE_FACTS.includes(c.id));
  const levels = encounter.levels.length ? encounter.levels.join(', ') : 'Not applicable';
  const imaging = template.imaging.options.find((o) => o.modality === encounter.imagingModality);
  const sections: NoteSection[] = [
    {
      heading: 'Patient',
      blocks: [{ kind: 'fields', rows: [
        ['Name', patientName(patient)],
        ['MRN', patient.mrn],
        ['Date of birth', formatDate(patient.birthDate)],
        ['Sex', patient.sex],
      ] }],
    },
    {
      heading: 'Procedure',
      blocks: [{ kind: 'fields', rows: [
        ['Procedure', template.name],
        ['Level(s)', levels],
        ['Laterality', encounter.laterality ? (LATERALITY[encounter.laterality] ?? encounter.laterality) : 'Not applicable'],
        ['Planned date', formatDate(encounter.plannedDate)],
        [TIMES_LABEL, clock.heading ?? timeZone],
        ['Imaging guidance', `${IMAGING_MODALITY_LABELS[encounter.imagingModality]}${imaging ? `, contrast ${imaging.contrast.replace('-', ' ')}` : ''}`],
        ...(off.has('diagnosis') ? [] : [['Diagnosis', consent?.diagnosis || 'Not recorded'] as [string, string]]),
        ['Indication', encounter.indication],
      ] }],
    },
    ...(intake ? [historySection(intake, clock)] : []),
    {
      heading: 'Nature and purpose of the procedure',
      blocks: [
        { kind: 'paragraph', text: `${template.name} (${template.category}), under ${IMAGING_MODALITY_LABELS[encounter.imagingModality].toLowerCase()} guidance, for: ${encounter.indication}` },
        ...(purposeFacts.length
          ? [{ kind: 'list' as const, items: purposeFacts.map((f) => marked(f.patientText ?? f.text, f.id, f.sources)) }]
          : []),
      ],
    },
    bleedingRiskSection(encounterRisk(template, detail.records, detail.bleedingRiskRaises), clock),
    whenWhereSection(discussion),
    participantsSection(discussion),
    {
      heading: 'Risks discussed (in the words used with the patient)',
      blocks: [
        discussed.length ? { kind: 'list', items: discussed } : { kind: 'paragraph', text: 'No risk has been recorded as discussed.' },
        ...(notApplicable.length ? [{ kind: 'list' as const, items: notApplicable }] : []),
        ...(notDiscussed.length
          ? [{ kind: 'paragraph' as const, text: 'Not recorded as discussed:' }, { kind: 'list' as const, items: notDiscussed }]
          : []),
      ],
    },
    ...fdaEsiSection(discussion),
    {
      heading: 'Benefits',
      blocks: [
        { kind: 'paragraph', text: `Expected benefit: ${marked(template.expectedBenefit.patientText ?? template.expectedBenefit.text, template.expectedBenefit.id, template.expectedBenefit.sources)}` },
        { kind: 'fields', rows: [
          ['Benefits discussed', consent?.benefitsDiscussed ? 'Yes' : 'Not recorded'],
          ...(consent?.benefitsNote ? [['Notes', consent.benefitsNote] as [string, string]] : []),
        ] },
      ],
    },
    {
      heading: 'Alternatives, including no treatment, with their risks and benefits',
      blocks: [
        { kind: 'list', items: template.alternatives.map((a) => marked(a.patientText ?? a.text, a.id, a.sources)) },
        { kind: 'fields', rows: [
          ['Alternatives discussed', consent?.alternativesDiscussed ? 'Yes' : 'Not recorded'],
          ...(consent?.alternativesNote ? [['Notes', consent.alternativesNote] as [string, string]] : []),
        ] },
      ],
    },
    ...(off.has('questions') ? [] : [{
      heading: "Patient's questions and answers given",
      blocks: consent?.questions.length
        ? [{ kind: 'list' as const, items: consent.questions.map((q) => `Q: ${q.question} A: ${q.answer || '(no answer recorded)'}`) }]
        : [{ kind: 'paragraph' as const, text: 'No questions recorded.' }],
    }]),
    ...teachBackSection(discussion),
    {
      heading: 'Decision',
      blocks: [{ kind: 'paragraph', text: consent?.decision ? (DECISION[consent.decision] ?? consent.decision) : 'No decision recorded.' }],
    },
    ...participantSignaturesSection(discussion),
    {
      heading: 'Clinician',
      blocks: [{ kind: 'fields', rows: [
        ['Consent discussion recorded by', consent ? `${consent.updatedBy.name} (${consent.updatedBy.role}), ${clock.at(consent.updatedAt)}` : 'Not recorded'],
        ...(signing ? [] : [
          ['Note exported by', `${exportedBy.name} (${exportedBy.role})`] as [string, string],
          ['Note generated', clock.at(generatedAt)] as [string, string],
        ]),
        ['Encounter opened by', `${encounter.createdBy.name} (${encounter.createdBy.role}), ${clock.at(encounter.createdAt)}`],
      ] }],
    },
    ...procedureDaySection(detail, clock),
    ...fieldsNotUsedSection(discussion),
    templateAndSourcesSection(template, sources),
    ...(signing ? [attestationSection(signing, clock)] : []),
  ];

  return {
    title: 'Consent discussion note',
    runningHeader: { patientName: patientName(patient), mrn: patient.mrn, birthDate: formatDate(patient.birthDate) },
    sections,
  };
}
