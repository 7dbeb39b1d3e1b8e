/**
 * The bundled procedure library: the templates in shared/library/data/ (bundled at build time
 * through data-files.ts), resolved and validated by load.ts. Each template's highest version is
 * seeded into the database; a version once published never changes (library.lock.json).
 */
import { LIBRARY_DATA_FILES } from './data-files';
import { loadLibrary } from './load';
import type { Template } from './schema';
import { SOURCES } from './sources';
import type { Source } from './source-schema';

const loaded = loadLibrary(LIBRARY_DATA_FILES);

/** The highest version of each template, in the order the app lists them. */
export const LIBRARY: readonly Template[] = loaded.latest;

/** Every bundled version of every template (older versions stay: databases and the lock refer to them). */
export const LIBRARY_VERSIONS: readonly Template[] = loaded.versions.map((v) => v.template);

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
  return [...ids].map((id) => byId.get(id) ?? { id, citation: `No verified primary source: unknown source "${id}"`, reliability: 'low' as const });
}
