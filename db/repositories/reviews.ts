/** Reviewers' acceptances of facts, per template version, with why each is acceptable for the clinic. */
import type { Actor } from '#shared/contract/common';
import type { FactReview } from '#shared/contract/library';
import type { Db } from '../connection';

interface ReviewRow {
  fact_id: string;
  accepted_at: string;
  accepted_by_name: string;
  accepted_by_role: Actor['role'];
  comment: string | null;
}

export function createReviewRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO fact_reviews (template_id, template_version, fact_id, accepted_at, accepted_by_name, accepted_by_role, comment)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const forVersion = db.prepare<[string, number], ReviewRow>(
    `SELECT fact_id, accepted_at, accepted_by_name, accepted_by_role, comment FROM fact_reviews
     WHERE template_id = ? AND template_version = ? ORDER BY fact_id`,
  );
  return {
    accept(templateId: string, version: number, factId: string, at: string, actor: Actor, comment: string): void {
      insert.run(templateId, version, factId, at, actor.name, actor.role, comment);
    },
    /** Acceptances recorded before comments were asked for (migration 014) have none: null. */
    list(templateId: string, version: number): FactReview[] {
      return forVersion.all(templateId, version).map((r) => ({
        factId: r.fact_id,
        acceptedAt: r.accepted_at,
        acceptedBy: { name: r.accepted_by_name, role: r.accepted_by_role },
        comment: r.comment,
      }));
    },
  };
}
export type ReviewRepository = ReturnType<typeof createReviewRepository>;
