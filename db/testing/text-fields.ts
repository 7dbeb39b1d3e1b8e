/**
 * Test support: every string a contract input schema can hold, by path, with the
 * text rule it follows (text.ts metadata) if any. Walks zod 4's schema
 * definitions: objects, arrays, unions, records, wrappers (optional, default…)
 * and the input side of pipes.
 */
import type { z } from 'zod';
import type { TextRuleMeta } from '#shared/contract/text';

export interface StringField {
  path: string;
  schema: z.ZodType;
  rule: TextRuleMeta | null;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  getter?: () => z.ZodType;
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

export function stringFields(schema: z.ZodType, path = '', seen = new Set<z.ZodType>()): StringField[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const at = (part: string) => (path ? `${path}.${part}` : part);
  const walk = (inner: z.ZodType | null | undefined, where = path) => (inner ? stringFields(inner, where, seen) : []);
  if (def.type === 'string') {
    const meta = schema.meta() as Partial<TextRuleMeta> | undefined;
    return [{ path: path || '(input)', schema, rule: meta?.textRule && meta.field ? { textRule: meta.textRule, field: meta.field } : null }];
  }
  if (WRAPPERS.has(def.type)) return walk(def.innerType);
  switch (def.type) {
    case 'object': return Object.entries(def.shape ?? {}).flatMap(([key, value]) => walk(value, at(key)));
    case 'pipe': return walk(def.in);
    case 'array': return walk(def.element, at('[]'));
    case 'union': return (def.options ?? []).flatMap((option) => walk(option));
    case 'record': return [...walk(def.keyType, at('(key)')), ...walk(def.valueType, at('(value)'))];
    case 'intersection': return [...walk(def.left), ...walk(def.right)];
    case 'tuple': return [...(def.items ?? []).flatMap((item, i) => walk(item, at(String(i)))), ...walk(def.rest)];
    case 'lazy': return walk(def.getter?.());
    default: return [];
  }
}
