import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RoleSchema } from './common';
import { METHODS, type MethodName } from './methods';

const names = Object.keys(METHODS) as MethodName[];

describe('every method of the contract declares who may call it, who serves it and what the audit trail records', () => {
  it.each(names)('%s', (name) => {
    const spec = METHODS[name];
    const access: unknown = spec.access;
    const roles = Array.isArray(access) ? access : [];
    expect(access === 'public' || access === 'session' || (roles.length > 0 && roles.every((r) => RoleSchema.safeParse(r).success)), 'access rule').toBe(true);
    expect(['core', 'runtime'], 'servedBy').toContain(spec.servedBy);
    const audit: unknown = spec.audit;
    if (typeof audit === 'string') {
      expect(['self', 'none'], 'audit decision').toContain(audit);
      // A write is never silent: it records itself, or the wrapper records it.
      if (spec.writes) expect(audit, 'a write must be audited').toBe('self');
    } else {
      expect(audit, 'audit decision').toMatchObject({ entry: expect.stringMatching(/^(with-change|after-success)$/), describe: expect.any(Function) });
      // The wrapper that writes these entries sits around the core's handlers (db/audited.ts).
      expect(spec.servedBy).toBe('core');
    }
  });

  it('each method lives in the file of its namespace', () => {
    for (const name of names) {
      const file = name.split('.')[0]!.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      const source = readFileSync(new URL(`./${file}.ts`, import.meta.url), 'utf8');
      expect(source, `${name} in shared/contract/${file}.ts`).toContain(`'${name}': method(`);
    }
  });

  // A namespace whose schemas would pass 300 lines in one file keeps the rest in <namespace>-<part>.ts.
  it('every file here is a namespace or a part of one, or shared by several and listed with why', () => {
    const namespaces = new Set(names.map((n) => n.split('.')[0]!.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)));
    const partOf = (f: string) => [...namespaces].some((ns) => f.startsWith(`${ns}-`));
    const others = readdirSync(new URL('./', import.meta.url))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => f.slice(0, -'.ts'.length))
      .filter((f) => !namespaces.has(f) && !partOf(f));
    expect(others.sort()).toEqual(Object.keys(SHARED).sort());
  });
});

/** Files that are no namespace, because every namespace (or both transports) uses them. */
const SHARED: Record<string, string> = {
  common: 'ids, roles, dates and actors, in every namespace',
  text: 'the text rules as zod schemas, for every free-text field',
  'text-rules': 'the text rules themselves, also used outside zod',
  'method-spec': 'what each method declares (access, audit, who serves it)',
  methods: 'assembles the namespaces into METHODS',
  dispatcher: 'validates and routes every call',
  errors: 'the error codes and envelope of every answer',
  events: 'what the core pushes to the renderer',
  transport: 'the bridge and limits both transports share',
  'content-security': 'the Content-Security-Policy both hosts send',
  'renamed-actions': 'old names of renamed methods, so audit entries written under them are still found',
  language: 'a language tag from the one list, for the patient and the consent interpreter',
};
