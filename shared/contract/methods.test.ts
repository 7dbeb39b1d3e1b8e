import { readFileSync } from 'node:fs';
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
});
