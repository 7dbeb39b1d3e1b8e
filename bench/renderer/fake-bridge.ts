/**
 * The transport the benchmark page gives the real stores: answers at once from
 * memory, so what is timed is the renderer alone (the core's own costs are in
 * the Node benchmarks). A search returns a different 200-row slice each time,
 * like the core's encounter.list with its default limit.
 */
import type { WorklistRow } from '#shared/contract/encounters';
import type { Envelope } from '#shared/contract/errors';
import type { Bridge } from '#shared/contract/transport';

export function fakeBridge(rows: readonly WorklistRow[]): Bridge {
  let searches = 0;
  const answer = (method: string, input: Record<string, unknown>): unknown => {
    switch (method) {
      case 'encounter.list':
        if (typeof input.query === 'string' && input.query.trim()) {
          const start = (searches++ * 997) % Math.max(1, rows.length - 200);
          return rows.slice(start, start + 200);
        }
        return rows;
      case 'library.list':
        return [];
      case 'checklist.setItem':
        return { itemId: input.itemId, status: input.status, reason: input.reason ?? null, updatedAt: new Date().toISOString(), updatedBy: { name: 'Nina Nurse', role: 'nurse' } };
      default:
        return undefined;
    }
  };
  return {
    invoke(method, input): Promise<Envelope<unknown>> {
      const value = answer(method, (input ?? {}) as Record<string, unknown>);
      return Promise.resolve(value === undefined ? { ok: false, error: { code: 'UNAVAILABLE', message: `${method} is not part of the benchmark` } } : { ok: true, value });
    },
    on: () => () => undefined,
  };
}
