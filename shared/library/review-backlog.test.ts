import { describe, expect, it } from 'vitest';
import { evidenceCounts, factsOf, isFactUnverified } from './evidence-summary';
import { LIBRARY } from './index';
import { reviewableFacts, reviewBacklog, type ClinicAcceptance } from './review-backlog';

const MBB = LIBRARY.find((t) => t.id === 'lumbar-medial-branch-block')!;
const TFESI = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!;

const accept = (factId: string, name = 'Dr Pat Physician', acceptedAt = '2026-05-01T10:00:00.000Z'): ClinicAcceptance => ({ factId, acceptedAt, acceptedBy: { name } });

describe('review backlog of a template version', () => {
  it('counts every fact once, agreeing with the coverage report before any acceptance, for every procedure', () => {
    for (const t of LIBRARY) {
      const backlog = reviewBacklog(t, []);
      const tags = evidenceCounts(t);
      expect(backlog, t.id).toMatchObject({ verified: tags.V, secondary: tags.V2, awaitingReview: tags.M + tags.inference, accepted: 0, total: factsOf(t).length });
      expect(backlog.reviewed, t.id).toBe(false);
      expect(backlog.reviewedBy, t.id).toBeNull();
    }
  });

  it('moves an accepted needs-review fact and an accepted secondary-source fact to "accepted"', () => {
    const before = reviewBacklog(MBB, []);
    const unverified = factsOf(MBB).find((f) => isFactUnverified(f))!;
    const secondary = factsOf(MBB).find((f) => !isFactUnverified(f) && f.sources.some((s) => s.evidence === 'V2'))!;
    expect(secondary).toBeDefined();
    const after = reviewBacklog(MBB, [accept(unverified.id), accept(secondary.id)]);
    expect(after).toMatchObject({
      verified: before.verified, secondary: before.secondary - 1, awaitingReview: before.awaitingReview - 1, accepted: 2, total: before.total, reviewed: false, reviewedBy: null,
    });
  });

  it('counts a fact §7 lists as awaiting review although its data tags it [V2] (the ESI glucose rise)', () => {
    const glucose = factsOf(TFESI).find((f) => f.id === 'blood-glucose-rise')!;
    expect(glucose.sources.every((s) => s.evidence === 'V' || s.evidence === 'V2')).toBe(true);
    const before = reviewBacklog(TFESI, []);
    expect(reviewBacklog(TFESI, [accept('blood-glucose-rise')])).toMatchObject({ awaitingReview: before.awaitingReview - 1, secondary: before.secondary, accepted: 1 });
  });

  it('ignores an acceptance of a verified fact or of an id the version does not have', () => {
    const verified = factsOf(MBB).find((f) => !reviewableFacts(MBB).includes(f))!;
    expect(reviewBacklog(MBB, [accept(verified.id), accept('no-such-fact')])).toEqual(reviewBacklog(MBB, []));
  });

  it('is reviewed once every secondary and needs-review fact is accepted, naming who and the last date', () => {
    const reviewable = reviewableFacts(MBB);
    const acceptances = reviewable.map((f, i) => accept(f.id, i % 2 ? 'Dr Ana Alvarez' : 'Dr Pat Physician', `2026-05-0${1 + (i % 3)}T10:00:00.000Z`));
    const almost = reviewBacklog(MBB, acceptances.slice(1));
    expect(almost.reviewed).toBe(false);
    expect(almost.reviewedBy).toBeNull();
    const done = reviewBacklog(MBB, acceptances);
    expect(done).toMatchObject({ secondary: 0, awaitingReview: 0, accepted: reviewable.length, reviewed: true });
    expect(done.verified + done.accepted).toBe(done.total);
    expect(done.reviewedBy).toEqual({ names: ['Dr Ana Alvarez', 'Dr Pat Physician'], lastAt: '2026-05-03T10:00:00.000Z' });
  });
});
