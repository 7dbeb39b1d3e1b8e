/**
 * The library exchange document: templates (one or many, any versions) and the
 * sources they cite. Parsing is strict and bounded: unknown keys are refused,
 * nesting is limited, and every problem is reported with its path.
 */
import { z } from 'zod';
import { formatIssues } from '../contract/dispatcher';
import { DocumentSourceSchema, type Source } from './source-schema';
import { FORMER_CITATIONS } from './sources-former';
import { TemplateSchema, type Template } from './schema';

export const LIBRARY_FORMAT = 'proceduredesk.library';
export const MAX_DEPTH = 12;

export const LibraryDocumentSchema = z.strictObject({
  format: z.literal(LIBRARY_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: z.iso.datetime(),
  sources: z.array(DocumentSourceSchema).max(1000),
  templates: z.array(TemplateSchema).min(1).max(500),
});
export type LibraryDocument = z.infer<typeof LibraryDocumentSchema>;

export interface DocumentProblem {
  path: string;
  message: string;
}

/** Deepest nesting of arrays/objects, stopping early once past the limit. */
function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Parses and validates a document against the app's source registry. Returns
 * the templates, or every problem found; never a partial result. A source's
 * citation must be this registry's, or the one it had before the registry named
 * original works (sources-former.ts), so documents exported earlier still import.
 */
export function parseLibraryDocument(
  text: string,
  knownSources: ReadonlyMap<string, { citation: string }>,
): { ok: true; document: LibraryDocument } | { ok: false; problems: DocumentProblem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '(document)', message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (depthExceeds(raw, MAX_DEPTH)) {
    return { ok: false, problems: [{ path: '(document)', message: `nested deeper than ${MAX_DEPTH} levels` }] };
  }
  const parsed = LibraryDocumentSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: formatIssues(parsed.error.issues) };

  const problems: DocumentProblem[] = [];
  const doc = parsed.data;
  doc.sources.forEach((s, i) => {
    const known = knownSources.get(s.id);
    if (!known) problems.push({ path: `sources.${i}.id`, message: `unknown source "${s.id}": this app's source registry does not list it` });
    else if (known.citation !== s.citation && !(FORMER_CITATIONS[s.id] ?? []).includes(s.citation)) problems.push({ path: `sources.${i}.citation`, message: `differs from this app's citation for "${s.id}"` });
  });
  const seen = new Set<string>();
  doc.templates.forEach((t, i) => {
    const key = `${t.id}@${t.version}`;
    if (seen.has(key)) problems.push({ path: `templates.${i}`, message: `${t.id} version ${t.version} appears twice` });
    seen.add(key);
    for (const { path, sourceId } of citedSources(t)) {
      if (!knownSources.has(sourceId)) problems.push({ path: `templates.${i}.${path}`, message: `cites unknown source "${sourceId}"` });
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, document: doc };
}

/** Every sourceId in a template with its path, for precise messages. */
export function citedSources(template: Template): { path: string; sourceId: string }[] {
  const out: { path: string; sourceId: string }[] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${path}.${i}`));
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.sourceId === 'string') out.push({ path: `${path}.sourceId`.replace(/^\./, ''), sourceId: record.sourceId });
      for (const [k, v] of Object.entries(record)) visit(v, `${path}.${k}`);
    }
  };
  visit(template, '');
  return out;
}

export function buildLibraryDocument(templates: readonly Template[], sources: readonly Source[], exportedAt: string): string {
  const doc: LibraryDocument = { format: LIBRARY_FORMAT, formatVersion: 1, exportedAt, sources: [...sources], templates: [...templates] };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
