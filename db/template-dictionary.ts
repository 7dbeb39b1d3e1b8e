/**
 * The preset dictionary a signed note or a closed checklist is compressed
 * against (db/packed-text.ts, format 2): its encounter's template version as
 * stored, `templates.content_json` in UTF-8. Most of a note's text is that
 * version's own wording (risks, steps), so it compresses to what differs. A
 * stored version never changes (triggers templates_no_update and
 * templates_no_delete, migration 002), so its bytes are cached per connection.
 */
import type { Db } from './connection';

/** The dictionary of a template version; null when no such version is stored. */
export type TemplateDictionary = (templateId: string | null, version: number | null) => Buffer | null;

const perConnection = new WeakMap<Db, TemplateDictionary>();

export function templateDictionary(db: Db): TemplateDictionary {
  const known = perConnection.get(db);
  if (known) return known;
  const contentOf = db.prepare<[string, number], string>('SELECT content_json FROM templates WHERE id = ? AND version = ?').pluck();
  const cache = new Map<string, Buffer>();
  const lookup: TemplateDictionary = (templateId, version) => {
    if (templateId === null || version === null) return null;
    const key = `${templateId}@${version}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const json = contentOf.get(templateId, version);
    // A missing version is not remembered: only stored rows are immutable.
    if (json === undefined) return null;
    const bytes = Buffer.from(json, 'utf8');
    cache.set(key, bytes);
    return bytes;
  };
  perConnection.set(db, lookup);
  return lookup;
}
