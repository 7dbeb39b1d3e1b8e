/**
 * The blockers no override can lift (issue 18): the patient's consent decision, the
 * patient's or surrogate's signature on it, and the time-out itself. A physician may
 * override an open check or a hard stop with a reason, but not proceed without the
 * patient's consent or without stopping to check patient, site and side.
 */
import type { ConsentDiscussion } from '../contract/consent';
import type { ParticipantSignature } from '../contract/consent';
import type { Blocker } from '../contract/encounter-records';

/** What the consent stands at: the decision recorded, and whether the patient or a surrogate signed (not voided). */
export interface ConsentStanding {
  decision: ConsentDiscussion['decision'];
  signedByPatientOrSurrogate: boolean;
}

export function consentStandingOf(consent: Pick<ConsentDiscussion, 'decision'> | null, signatures: readonly Pick<ParticipantSignature, 'signer' | 'voided'>[]): ConsentStanding {
  return {
    decision: consent?.decision ?? null,
    signedByPatientOrSurrogate: signatures.some((s) => !s.voided && (s.signer === 'patient' || s.signer === 'surrogate')),
  };
}

const DECISION_TEXT = { declines: 'the patient declined', defers: 'the patient deferred the decision' } as const;

/** Before the time-out: the decision to consent, and the signature of the patient or surrogate. */
export function consentBlockers(standing: ConsentStanding): Blocker[] {
  const out: Blocker[] = [];
  if (standing.decision !== 'consents') {
    const why = standing.decision ? ` (${DECISION_TEXT[standing.decision]})` : ' (no decision recorded)';
    out.push({ id: 'consent-decision', label: `Consent decision: the patient consents${why}`, hardStop: true, overridable: false });
  }
  if (!standing.signedByPatientOrSurrogate) {
    out.push({ id: 'consent-signature', label: "Consent signed by the patient or surrogate (drawn or on paper)", hardStop: true, overridable: false });
  }
  return out;
}

/** The blockers the core refuses to let anyone override. */
export function notOverridable(blockers: readonly Blocker[]): Blocker[] {
  return blockers.filter((b) => b.overridable === false);
}
