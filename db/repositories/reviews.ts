/** Reviewers' acceptances of unverified facts, per template version. */
import type { Actor } from '#shared/contract/common';
import type { FactReview } from '#shared/contract/library-admin';
import type { Db } from '../connection';

interface ReviewRow {
  fact_id: string;
  accepted_at: string;
  accepted_by_name: string;
  accepted_by_role: Actor['role'];
}

export function createReviewRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO fact_reviews (template_id, template_version, fact_id, accepted_at, accepted_by_name, accepted_by_role)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const forVersion = db.prepare<[string, number], ReviewRow>(
    `SELECT fact_id, accepted_at, accepted_by_name, accepted_by_role FROM fact_reviews
     WHERE template_id = ? AND template_version = ? ORDER BY fact_id`,
  );
  return {
    accept(templateId: string, version: number, factId: string, at: string, actor: Actor): void {
      insert.run(templateId, version, factId, at, actor.name, actor.role);
    },
    list(templateId: string, version: number): FactReview[] {
      return forVersion.all(templateId, version).map((r) => ({
        factId: r.fact_id,
        acceptedAt: r.accepted_at,
        acceptedBy: { name: r.accepted_by_name, role: r.accepted_by_role },
      }));
    },
  };
}
export type ReviewRepository = ReturnType<typeof createReviewRepository>;
