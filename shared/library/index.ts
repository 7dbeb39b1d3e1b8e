/** The bundled procedure library: seeded into the database as version 1 of each template. */
import { lumbarMbb } from './templates/lumbar-mbb';
import { lumbarTfesi } from './templates/lumbar-tfesi';
import type { Template } from './schema';
import { SOURCES } from './sources';
import type { Source } from './source-schema';

export const LIBRARY: readonly Template[] = [lumbarTfesi, lumbarMbb];

const byId = new Map(SOURCES.map((s) => [s.id, s]));

export function findSource(id: string): Source | undefined {
  return byId.get(id);
}

/** Every source a template cites, in first-cited order. */
export function sourcesCitedBy(template: Template): Source[] {
  const ids = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.sourceId === 'string') ids.add(record.sourceId);
      Object.values(record).forEach(visit);
    }
  };
  visit(template);
  return [...ids].map((id) => byId.get(id) ?? { id, citation: `Unknown source "${id}"` });
}
