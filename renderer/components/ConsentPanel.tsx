import { useRef, useState } from 'react';
import type { Decision } from '#shared/contract/consent';
import { useChecklist } from '../stores/checklist';
import { EMPTY_CONSENT, useConsent, type ConsentDraft } from '../stores/consent';
import { useEncounter } from '../stores/encounter';
import { isSigned, useSigning } from '../stores/signing';
import { ContentReviewed } from './ContentReviewed';
import { FactEvidenceBadges } from './EvidenceBadges';
import { CapacityFields, draftProblem, InterpreterFields, PresentFields, TeachBackField, WhenWhereFields } from './ConsentDetails';
import { ConsentTeachBack, teachBackLanguage } from './ConsentTeachBack';
import { ParticipantSignatures } from './ParticipantSignatures';
import { PatientWording } from './PatientWording';
import { PatientHandout } from './PatientHandout';
import { SaveStatus } from './SaveStatus';

/**
 * The physician's record of the consent discussion. Choices save at once; text
 * saves when the field is left, so nothing typed is lost on a crash for long.
 */
export function ConsentPanel() {
  const detail = useEncounter((s) => s.detail);
  const library = useEncounter((s) => s.library);
  // A version the clinic has reviewed shows no evidence badges here (review-backlog.ts), only one line saying so.
  const contentReview = useEncounter((s) => s.contentReview);
  const quiet = contentReview?.reviewed ?? false;
  // The count only, so a checklist save renders this form again only when a risk's check changes.
  const discussed = useChecklist((s) => library?.template.risks.filter((r) => s.items[r.id]?.status === 'checked').length ?? 0);
  const consentSave = useConsent((s) => s.consentSave);
  const saveConsent = useConsent((s) => s.saveConsent);
  // Once the note is signed, the discussion it records is read-only: corrections are addenda.
  // A note that could not be read (e.g. it fails verification) counts as signed: nothing is reopened for editing.
  const encounterId = useEncounter((s) => s.encounterId);
  const signed = useSigning((s) => isSigned(s, encounterId, true));
  // Seeded once from what was saved; the parent keys this panel by encounter, so
  // another encounter gets a fresh panel and our own saves never overwrite typing.
  const [draft, setDraft] = useState<ConsentDraft>(() => {
    const c = detail?.consent;
    if (!c) return EMPTY_CONSENT;
    const { updatedAt: _at, updatedBy: _by, ...saved } = c;
    return saved;
  });

  // What the core last stored: leaving a field without changing it writes nothing.
  const lastSaved = useRef(JSON.stringify(draft));

  const fieldsOff = useEncounter((s) => s.settings?.noteFieldsOff);
  if (!detail || !library) return null;
  const t = library.template;
  const off = new Set(fieldsOff?.[t.id] ?? []);
  const risks = t.risks;

  function save(next: ConsentDraft) {
    const json = JSON.stringify(next);
    if (json === lastSaved.current || draftProblem(next)) return;
    void saveConsent(next).then((stored) => {
      if (stored) lastSaved.current = json;
    });
  }
  function update(next: ConsentDraft, saveNow: boolean) {
    setDraft(next);
    if (saveNow) save(next);
  }
  const commit = () => save(draft);

  const fieldProps = { draft, update, commit, off };
  const problem = draftProblem(draft);
  return (
    <section className="card consent" aria-labelledby="consent-heading">
      <div className="consent-head">
        <h2 id="consent-heading">Consent discussion</h2>
        <p className="muted">
          Risks discussed: {discussed} of {risks.length} (mark them in “Risks to counsel on” above).
        </p>
        <PatientHandout encounterId={detail.encounter.id} patientLanguage={detail.patient.language} />
      </div>
      <ContentReviewed backlog={contentReview} />
      <ConsentTeachBack lang={teachBackLanguage(detail.patient.language, draft.interpreter.used ? draft.interpreter.language : null)} />
      {signed && (
        <p className="notice" role="status">
          The note is signed, so this discussion can no longer be edited. To correct it, add an addendum to the note below.
        </p>
      )}
      <fieldset className="bare" disabled={signed} aria-label={signed ? 'Consent discussion (signed, read-only)' : undefined}>
        {/* When, where and who on one row, then three columns at desktop width (issue 18: the Consent part within 3 viewport heights). */}
        <div className="consent-when">
          <WhenWhereFields {...fieldProps} />
          <PresentFields {...fieldProps} />
        </div>
        <div className="consent-col">
        <CapacityFields {...fieldProps} />
        {!off.has('questions') && <fieldset>
          <legend>Patient's questions and the answers given</legend>
          {draft.questions.map((q, i) => (
            <div key={i} className="qa">
              <label>
                Question {i + 1}
                <textarea rows={2} value={q.question} onBlur={commit}
                  onChange={(e) => update({ ...draft, questions: draft.questions.map((x, j) => (j === i ? { ...x, question: e.target.value } : x)) }, false)} />
              </label>
              <label>
                Answer {i + 1}
                <textarea rows={2} value={q.answer} onBlur={commit}
                  onChange={(e) => update({ ...draft, questions: draft.questions.map((x, j) => (j === i ? { ...x, answer: e.target.value } : x)) }, false)} />
              </label>
              <button type="button" className="link" aria-label={`Remove question ${i + 1}`}
                onClick={() => update({ ...draft, questions: draft.questions.filter((_, j) => j !== i) }, true)}>
                Remove
              </button>
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => update({ ...draft, questions: [...draft.questions, { question: '', answer: '' }] }, false)}>
            Add question
          </button>
        </fieldset>}
        </div>
        <div className="consent-col">
        {/* The words to say a click away, beside their checkbox; the fold keeps the fact's id, text and evidence chips. */}
        <div className="consent-check">
        <label className="choice">
          <input type="checkbox" checked={draft.benefitsDiscussed} onChange={(e) => update({ ...draft, benefitsDiscussed: e.target.checked }, true)} />
          Benefits discussed
        </label>
        <details className="consent-words" data-fact-id={t.expectedBenefit.id}>
          <summary>Expected benefit</summary>
          {/* A div, not a p: the evidence badges hold a <details> list, which a paragraph may not contain. */}
          <div className="detail fact-line">
            Expected benefit: <PatientWording english={t.expectedBenefit.patientText ?? t.expectedBenefit.text} />{' '}
            <FactEvidenceBadges fact={t.expectedBenefit} templateId={t.id} reviews={library.reviews} citations={library.sources} quiet={quiet} />
          </div>
        </details>
        </div>
        <label>
          Notes on benefits
          <textarea rows={2} value={draft.benefitsNote} onChange={(e) => update({ ...draft, benefitsNote: e.target.value }, false)} onBlur={commit} />
        </label>
        <div className="consent-check">
        <label className="choice">
          <input type="checkbox" checked={draft.alternativesDiscussed} onChange={(e) => update({ ...draft, alternativesDiscussed: e.target.checked }, true)} />
          Alternatives discussed
        </label>
        <details className="consent-words">
          <summary>Alternatives ({t.alternatives.length})</summary>
          <ul className="detail">
            {t.alternatives.map((a) => (
              <li key={a.id} data-fact-id={a.id}>
                <PatientWording english={a.patientText ?? a.text} />{' '}
                <FactEvidenceBadges fact={a} templateId={t.id} reviews={library.reviews} citations={library.sources} quiet={quiet} />
              </li>
            ))}
          </ul>
        </details>
        </div>
        <label>
          Notes on alternatives
          <textarea rows={2} value={draft.alternativesNote} onChange={(e) => update({ ...draft, alternativesNote: e.target.value }, false)} onBlur={commit} />
        </label>
        </div>
        <div className="consent-col">
        <InterpreterFields {...fieldProps} />
        <TeachBackField {...fieldProps} />
        <fieldset>
          <legend>Patient's decision</legend>
          <div className="choices">
            {(['consents', 'declines', 'defers'] as const satisfies readonly Decision[]).map((d) => (
              <label key={d} className="choice">
                <input type="radio" name="decision" checked={draft.decision === d} onChange={() => update({ ...draft, decision: d }, true)} />
                {d === 'consents' ? 'Consents' : d === 'declines' ? 'Declines' : 'Defers'}
              </label>
            ))}
          </div>
        </fieldset>
        </div>
      </fieldset>
      <p aria-live="polite" className="consent-save">
        <SaveStatus save={consentSave} what="consent discussion" />
        {problem && <span className="muted"> {problem}</span>}
      </p>
      {!off.has('participantSignatures') && <ParticipantSignatures signed={signed} />}
    </section>
  );
}
