/**
 * For set-ups that override their way on (issue 18: overrides are per blocker): ask to move,
 * and if refused, override each blocker the refusal names, every one with the same reason.
 * What no override lifts (consent, signature, time-out) must be done first (consent-given.ts).
 */
import type { Envelope } from '#shared/contract/errors';
import { TEST_PASSWORD } from './temp-core';

type Result = Envelope<unknown>;
/** One raw call to the core (the result, not thrown), as a physician. */
export type RawCall = (method: 'encounter.advance', input: Record<string, unknown>) => Promise<Result>;

/** The blockers a refusal to move names (its details' `blockers.<id>` paths). */
export function refusedBlockerIds(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return (details as { path?: string }[]).flatMap((d) => (d.path?.startsWith('blockers.') ? [d.path.slice('blockers.'.length)] : []));
}

/** Moves `to`, overriding whatever is open with `reason`; the final result (the transition, or the refusal). */
export async function advanceOverridingOpen(call: RawCall, encounterId: string, to: string, reason: string, password = TEST_PASSWORD): Promise<Result> {
  const first = await call('encounter.advance', { encounterId, to });
  if (first.ok || first.error.code !== 'CONFLICT') return first;
  const ids = refusedBlockerIds(first.error.details);
  if (!ids.length) return first;
  return call('encounter.advance', { encounterId, to, overrides: ids.map((blockerId) => ({ blockerId, reason })), password });
}
