/** The consent discussion per encounter, with every saved version kept. */
import { ConsentDiscussionSchema, type ConsentDiscussion } from '#shared/contract/consent';
import { readStored } from '#shared/contract/text';
import type { Db } from '../connection';

interface ConsentRow {
  content_json: string;
  updated_at: string;
  updated_by_name: string;
  updated_by_role: ConsentDiscussion['updatedBy']['role'];
}

type ConsentContent = Omit<ConsentDiscussion, 'updatedAt' | 'updatedBy'>;

export function createConsentRepository(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO consent_discussions (encounter_id, content_json, decision, updated_at, updated_by_name, updated_by_role)
     VALUES (@encounterId, @json, @decision, @at, @byName, @byRole)
     ON CONFLICT (encounter_id) DO UPDATE SET content_json = excluded.content_json, decision = excluded.decision,
       updated_at = excluded.updated_at, updated_by_name = excluded.updated_by_name, updated_by_role = excluded.updated_by_role`,
  );
  const event = db.prepare(
    `INSERT INTO consent_discussion_events (encounter_id, content_json, at, by_name, by_role)
     VALUES (@encounterId, @json, @at, @byName, @byRole)`,
  );
  const one = db.prepare<[string], ConsentRow>(
    'SELECT content_json, updated_at, updated_by_name, updated_by_role FROM consent_discussions WHERE encounter_id = ?',
  );

  const save = db.transaction((encounterId: string, consent: ConsentDiscussion) => {
    const { updatedAt, updatedBy, ...content } = consent;
    const params = {
      encounterId,
      json: JSON.stringify(content satisfies ConsentContent),
      decision: content.decision,
      at: updatedAt,
      byName: updatedBy.name,
      byRole: updatedBy.role,
    };
    upsert.run(params);
    event.run(params);
  });

  return {
    save(encounterId: string, consent: ConsentDiscussion): void {
      save.immediate(encounterId, consent);
    },
    get(encounterId: string): ConsentDiscussion | null {
      const row = one.get(encounterId);
      if (!row) return null;
      // Parsed, not cast: discussions saved before a field existed read with its default,
      // and text saved before the text rules reads back neutralised (readStored).
      return readStored(() => ConsentDiscussionSchema.parse({
        ...(JSON.parse(row.content_json) as ConsentContent),
        updatedAt: row.updated_at,
        updatedBy: { name: row.updated_by_name, role: row.updated_by_role },
      }));
    },
  };
}
export type ConsentRepository = ReturnType<typeof createConsentRepository>;
