/**
 * The consent-discussion sections of the note beyond risks and benefits: when
 * and where, who took part, capacity or surrogate, interpreter, teach-back,
 * the FDA epidural steroid statement, participant signatures, and the optional
 * fields the clinic does not use for this procedure (listed, never dropped).
 * Element list: fact-reference.md §5 (AMA Opinion 2.1.1 and the sources there).
 */
import type { ConsentDiscussion } from '../contract/consent';
import type { ChecklistItemState } from '../contract/checklist';
import { NOTE_FIELD_LABELS, OPTIONAL_NOTE_FIELDS, type OptionalNoteField } from '../contract/settings';
import { SIGNER_LABELS, type ParticipantSignature } from '../contract/consent';
import type { SourceRef, Template } from '../library/schema';
import { procedureTraits } from '../workflow/traits';
import type { NoteSection } from './model';
import type { NoteClock } from '../domain/clinic-time';
import { languageName } from '../domain/languages';

export interface DiscussionInput {
  consent: ConsentDiscussion | null;
  template: Template;
  items: ReadonlyMap<string, ChecklistItemState>;
  signatures: readonly ParticipantSignature[];
  fieldsOff: ReadonlySet<OptionalNoteField>;
  /** The text with the review mark when the fact is unverified and not yet accepted. */
  marked: (text: string, factId: string, sources: readonly SourceRef[], part?: 'incidence') => string;
  reviewMark: string;
  /** The note's times, in the clinic zone named once in its header. */
  clock: NoteClock;
}

const MODE: Record<string, string> = { 'in-person': 'in person', phone: 'by telephone', video: 'by video' };
const NOT_RECORDED = 'Not recorded';

export function whenWhereSection({ consent, fieldsOff, clock }: DiscussionInput): NoteSection {
  return {
    heading: 'Date, time and place of the discussion',
    blocks: [{ kind: 'fields', rows: [
      ['Date and time', consent?.discussedAt ? clock.at(consent.discussedAt) : NOT_RECORDED],
      ...(fieldsOff.has('place') ? [] : [['Place', consent?.place || NOT_RECORDED] as [string, string]]),
    ] }],
  };
}

/** Who was present, the interpreter and capacity: the people in the discussion. */
export function participantsSection({ consent, fieldsOff, reviewMark }: DiscussionInput): NoteSection {
  const rows: [string, string][] = [];
  if (!fieldsOff.has('capacity')) {
    const c = consent?.capacity;
    rows.push(['Decision-making capacity', !c || c.kind === 'not-recorded'
      ? NOT_RECORDED
      : c.kind === 'patient-has-capacity'
        ? 'The patient has capacity to make this decision.'
        : `The patient lacks capacity for this decision (${c.reason}). Surrogate: ${c.name}, ${c.relationship}.`]);
  }
  if (!fieldsOff.has('interpreter')) {
    const i = consent?.interpreter;
    rows.push(['Interpreter', !i ? NOT_RECORDED : i.used
      ? `Used. Language: ${languageName(i.language)}. Interpreter id: ${i.interpreterId}. Mode: ${i.mode ? MODE[i.mode] : 'not recorded'}.`
      : 'No interpreter used.']);
  }
  if (!fieldsOff.has('present')) {
    const present = consent?.present ?? [];
    rows.push([`Present ${reviewMark}`, present.length ? present.map((p) => `${p.name} (${p.role})`).join('; ') : NOT_RECORDED]);
  }
  return { heading: 'People in the discussion', blocks: rows.length ? [{ kind: 'fields', rows }] : [{ kind: 'paragraph', text: 'Not used for this procedure (see below).' }] };
}

export function teachBackSection({ consent, fieldsOff, reviewMark }: DiscussionInput): NoteSection[] {
  if (fieldsOff.has('teachBack')) return [];
  return [{
    heading: "Teach-back (the patient's own words)",
    blocks: [
      { kind: 'paragraph', text: consent?.teachBack ? `“${consent.teachBack}”` : 'No teach-back recorded.' },
      { kind: 'paragraph', text: `The patient restates the key points in their own words (recommended practice, no verified primary source) ${reviewMark}` },
    ],
  }];
}

/**
 * For every epidural steroid injection: the FDA Drug Safety Communication of
 * 23 April 2014 and the three things the note must show (fact base §3.1
 * encoding advice): the rare serious neurologic events, the off-label status,
 * and alternatives with their risks and benefits, each with whether the
 * checklist records it as discussed. The wording is the template's own facts.
 */
export function fdaEsiSection({ template, items, marked }: DiscussionInput): NoteSection[] {
  if (!procedureTraits(template).epiduralSteroid) return [];
  const wanted = ['fda-serious-neurologic-events', 'fda-off-label-use', 'fda-benefits-risks-alternatives'];
  const facts = wanted.map((id) => template.requiredCounselling.find((c) => c.id === id)).filter((f) => f !== undefined);
  const status = (id: string) => {
    const s = items.get(id)?.status;
    return s === 'checked' ? 'Discussed' : s === 'not-applicable' ? `Not applicable (${items.get(id)?.reason ?? ''})` : 'NOT RECORDED AS DISCUSSED';
  };
  return [{
    heading: 'FDA statement on epidural steroid injections (Drug Safety Communication, 23 April 2014)',
    blocks: [{ kind: 'list', items: facts.map((f) => `${status(f.id)}: ${marked(f.text, f.id, f.sources)}`) }],
  }];
}

export function participantSignaturesSection({ signatures, fieldsOff, clock }: DiscussionInput): NoteSection[] {
  if (fieldsOff.has('participantSignatures')) return [];
  const active = signatures.filter((s) => !s.voided);
  return [{
    heading: 'Signatures of the patient and others',
    blocks: active.length
      ? active.map((s) => ({
          kind: 'signature' as const,
          label: `${SIGNER_LABELS[s.signer]}: ${s.signerName}`,
          caption: `${s.method === 'drawn' ? 'Signed on screen' : 'Signed on paper (the paper form is kept with the chart)'}, ${clock.at(s.at)}; recorded by ${s.by.name} (${s.by.role})`,
          imagePngBase64: s.imagePngBase64,
        }))
      : [{ kind: 'paragraph', text: 'No signature of the patient, a witness or the interpreter was captured.' }],
  }];
}

/** The optional fields switched off for this template: named, so a reader knows they were not used rather than missing. */
export function fieldsNotUsedSection({ fieldsOff }: DiscussionInput): NoteSection[] {
  if (!fieldsOff.size) return [];
  return [{
    heading: 'Fields not used by this clinic for this procedure',
    blocks: [{ kind: 'list', items: OPTIONAL_NOTE_FIELDS.filter((f) => fieldsOff.has(f)).map((f) => NOTE_FIELD_LABELS[f]) }],
  }];
}
