/**
 * Turns the library data files (shared/library/data/) into templates: resolves each
 * { "fact": id } and { "section": id } reference, drops "$comment" notes, and validates every
 * shared fact and every template version against the schema. Every problem is reported with
 * its file and field; nothing partial is returned. Pure: the files are passed in already parsed.
 */
import { z } from 'zod';
import { PUBLISHED_CHECKLIST_IDS } from './published-checklist-ids';
import { FactSchema, MonitoringStepSchema, RiskSchema, TemplateSchema, type Template } from './schema';

export const DATA_DIR = 'shared/library/data';

type Path = (string | number)[];

export interface DataProblem {
  /** Relative to DATA_DIR, e.g. 'templates/lumbar-medial-branch-block/v1.json'. */
  file: string;
  /** e.g. 'risks[3].sources[0].evidence'; empty for the file as a whole. */
  path: string;
  message: string;
}

export class LibraryDataError extends Error {
  constructor(readonly problems: readonly DataProblem[]) {
    super(`The library data is invalid:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'LibraryDataError';
  }
}

export function formatProblem(p: DataProblem): string {
  return `${DATA_DIR}/${p.file}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

/** risks[3].sources[0].evidence */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');
}

export interface LoadedVersion {
  template: Template;
  file: string;
  /** The shared fact(s) or section(s) a part of the template (see lock.ts templateParts) comes from, if any. */
  originOf(part: string): string | undefined;
}

export interface LoadedLibrary {
  /** The highest version of each template, in library.json order: what the app offers and seeds. */
  latest: Template[];
  /** Every version of every template. */
  versions: LoadedVersion[];
  /** Shared fact and section ids → the template versions that use them ('id vN'). */
  usage: Map<string, string[]>;
  facts: ReadonlyMap<string, { file: string; value: unknown }>;
  sections: ReadonlyMap<string, { file: string; value: unknown }>;
}

const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case kebab-case');
const LibraryIndexSchema = z.strictObject({ order: z.array(Id).min(1) });

/** Notes for editors: "$comment" (about the object) and "$comment:<key>" (about one key). */
export function stripComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripComments);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(([k]) => !k.startsWith('$comment')).map(([k, v]) => [k, stripComments(v)]),
  );
}

/** A shared fact is a fact, a monitoring step or a risk: told apart by its fields. */
function factSchemaFor(value: unknown) {
  const record = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  if ('phase' in record) return MonitoringStepSchema;
  if ('clinicianText' in record || 'severity' in record) return RiskSchema;
  return FactSchema;
}

/**
 * A fact's checklist id is its key: the loader gives it that `id`. Only the published facts in
 * PUBLISHED_CHECKLIST_IDS state another, which their locked content stores.
 */
function withChecklistId(key: string, value: unknown): { value: unknown; problem?: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { value };
  const record = value as Record<string, unknown>;
  if (!('id' in record)) return { value: { id: key, ...record } };
  if (record.id === key) return { value, problem: 'is the fact\'s own key: leave "id" out, a fact\'s checklist id is its key' };
  const published = typeof record.id === 'string' && (PUBLISHED_CHECKLIST_IDS[record.id] ?? []).includes(key);
  if (!published) {
    return { value, problem: `is "${String(record.id)}", not the fact's key: a new fact (new wording too) has no "id" of its own; only published facts keep one (shared/library/published-checklist-ids.ts)` };
  }
  return { value };
}

const TEMPLATE_FILE = /^templates\/([^/]+)\/v([1-9][0-9]*)\.json$/;
const SHARED_FILE = /^(facts|sections)\/[a-z0-9-]+\.json$/;

interface Ref {
  path: Path;
  label: string;
}

export function loadLibrary(files: Readonly<Record<string, unknown>>): LoadedLibrary {
  const problems: DataProblem[] = [];
  const facts = new Map<string, { file: string; value: unknown; valid: boolean }>();
  const sections = new Map<string, { file: string; value: unknown }>();
  const usage = new Map<string, string[]>();
  let order: string[] = [];
  const templateFiles: { file: string; folder: string; version: number; raw: unknown }[] = [];

  for (const [file, raw] of Object.entries(files)) {
    const data = stripComments(raw);
    const template = TEMPLATE_FILE.exec(file);
    if (file === 'library.json') {
      const parsed = LibraryIndexSchema.safeParse(data);
      if (parsed.success) order = parsed.data.order;
      else parsed.error.issues.forEach((i) => problems.push({ file, path: formatPath(i.path), message: i.message }));
    } else if (template) {
      templateFiles.push({ file, folder: template[1]!, version: Number(template[2]), raw: data });
    } else if (file.startsWith('translations/')) {
      // Patient wording in other languages: validated by translations.ts, not templates.
    } else if (SHARED_FILE.test(file)) {
      if (!data || typeof data !== 'object' || Array.isArray(data)) {
        problems.push({ file, path: '', message: 'must be an object of id → content' });
        continue;
      }
      const kind = file.startsWith('facts/') ? 'fact' : 'section';
      for (const [id, value] of Object.entries(data as Record<string, unknown>)) {
        const other = facts.get(id) ?? sections.get(id);
        if (!Id.safeParse(id).success) problems.push({ file, path: id, message: 'ids are lower-case kebab-case' });
        if (other) problems.push({ file, path: id, message: `id "${id}" is also defined in ${other.file}: one id names one fact` });
        if (kind === 'section') {
          sections.set(id, { file, value });
          continue;
        }
        const fact = withChecklistId(id, value);
        if (fact.problem) problems.push({ file, path: `${id}.id`, message: fact.problem });
        const checked = factSchemaFor(fact.value).safeParse(fact.value);
        checked.error?.issues.forEach((i) => problems.push({ file, path: formatPath([id, ...i.path]), message: i.message }));
        facts.set(id, { file, value: fact.value, valid: checked.success && !fact.problem });
      }
    } else {
      problems.push({ file, path: '', message: 'is not a library data file (library.json, facts/<name>.json, sections/<name>.json, templates/<template id>/v<N>.json, translations/<language tag>.json)' });
    }
  }

  const versions: LoadedVersion[] = [];
  for (const { file, folder, version, raw } of templateFiles) {
    const refs: Ref[] = [];
    const broken: Path[] = [];
    const used = new Set<string>();
    const resolve = (value: unknown, path: Path, inSections: string[]): unknown => {
      if (Array.isArray(value)) return value.map((v, i) => resolve(v, [...path, i], inSections));
      if (!value || typeof value !== 'object') return value;
      const record = value as Record<string, unknown>;
      const kind = 'fact' in record ? 'fact' : 'section' in record ? 'section' : undefined;
      if (!kind) return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, resolve(v, [...path, k], inSections)]));
      const id = record[kind];
      if (Object.keys(record).length !== 1 || typeof id !== 'string') {
        problems.push({ file, path: formatPath(path), message: `a reference is { "${kind}": "<id>" } and nothing else` });
        return undefined;
      }
      const where = (kind === 'fact' ? facts : sections).get(id);
      if (!where) {
        problems.push({ file, path: formatPath(path), message: `unknown ${kind} "${id}"${inSections.length ? ` (in section "${inSections.at(-1)}")` : ''}: no ${kind === 'fact' ? 'facts' : 'sections'}/*.json defines it` });
        broken.push(path);
        return undefined;
      }
      if (inSections.includes(id)) {
        problems.push({ file, path: formatPath(path), message: `section "${id}" includes itself` });
        return undefined;
      }
      used.add(id);
      refs.push({ path, label: `${kind} "${id}" (${where.file})` });
      if (kind === 'fact') {
        if (!facts.get(id)?.valid) broken.push(path);
        return where.value;
      }
      return resolve(where.value, path, [...inSections, id]);
    };
    const resolved = resolve(raw, [], []) as Record<string, unknown> | undefined;

    if (resolved?.id !== folder) problems.push({ file, path: 'id', message: `is ${JSON.stringify(resolved?.id)}, but the folder says "${folder}"` });
    if (resolved?.version !== version) problems.push({ file, path: 'version', message: `is ${JSON.stringify(resolved?.version)}, but the file name says ${version}` });
    const parsed = TemplateSchema.safeParse(resolved);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        // A broken reference or an invalid shared fact is reported once, where it is.
        if (broken.some((b) => b.every((k, i) => issue.path[i] === k))) continue;
        const via = innermost(refs, issue.path);
        problems.push({ file, path: formatPath(issue.path), message: `${issue.message}${via ? ` (in ${via.label})` : ''}` });
      }
      continue;
    }
    const template = parsed.data;
    for (const id of used) usage.set(id, [...(usage.get(id) ?? []), `${template.id} v${template.version}`]);
    versions.push({ template, file, originOf: (part) => originOf(template, refs, part) });
  }

  const folders = new Set(templateFiles.map((t) => t.folder));
  order.forEach((id, i) => {
    if (!folders.has(id)) problems.push({ file: 'library.json', path: `order[${i}]`, message: `no templates/${id}/ folder holds a version of "${id}"` });
    if (order.indexOf(id) !== i) problems.push({ file: 'library.json', path: `order[${i}]`, message: `"${id}" is listed twice` });
  });
  for (const folder of folders) {
    if (!order.includes(folder)) problems.push({ file: 'library.json', path: 'order', message: `does not list "${folder}" (templates/${folder}/)` });
  }
  if (problems.length) throw new LibraryDataError(problems);

  const latest = order.map((id) => versions.filter((v) => v.template.id === id).reduce((a, b) => (b.template.version > a.template.version ? b : a)).template);
  return { latest, versions, usage, facts, sections };
}

/** The deepest reference whose resolved content holds `path`. */
function innermost(refs: readonly Ref[], path: readonly PropertyKey[]): Ref | undefined {
  return refs.filter((r) => r.path.every((k, i) => path[i] === k)).sort((a, b) => b.path.length - a.path.length)[0];
}

/** For a lock part ("risks/infection", "imaging.options", ...): the references it comes through, innermost first. */
function originOf(template: Template, refs: readonly Ref[], part: string): string | undefined {
  if (part === 'order') return undefined;
  const [field = '', itemId] = part.split('/');
  const path: Path = field.split('.');
  if (itemId !== undefined) {
    const list = path.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k as string], template);
    if (Array.isArray(list)) path.push(list.findIndex((x: { id?: string }) => x.id === itemId));
  }
  const holding = refs.filter((r) => r.path.every((k, i) => path[i] === k)).sort((a, b) => b.path.length - a.path.length);
  const within = refs.filter((r) => r.path.length > path.length && path.every((k, i) => r.path[i] === k));
  const chains = within.length ? within.map((r) => [r, ...holding]) : holding.length ? [holding] : [];
  return chains.length ? chains.map((chain) => chain.map((r) => r.label).join(' in ')).join(', ') : undefined;
}
