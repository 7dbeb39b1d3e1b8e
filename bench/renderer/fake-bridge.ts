/**
 * The transport the benchmark page gives the real stores: answers from memory
 * after CORE_MS, about what the core and the transport take for a search or a
 * save (benchmarks 1 and 2), so what is timed is the renderer alone, and the
 * answer arrives in a task of its own as it does in the app. A search returns a
 * different 200-row slice each time, like encounter.list with its default limit.
 */
const CORE_MS = 2;

import type { WorklistRow } from '#shared/contract/encounter';
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
      const envelope: Envelope<unknown> = value === undefined ? { ok: false, error: { code: 'UNAVAILABLE', message: `${method} is not part of the benchmark` } } : { ok: true, value };
      return new Promise((resolve) => setTimeout(() => resolve(envelope), CORE_MS));
    },
    on: () => () => undefined,
  };
}
