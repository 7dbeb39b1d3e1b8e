/** Checking a physician's per-blocker overrides against what is open, before anything is written. */
import { CommandError } from '#shared/contract/errors';
import type { Blocker, BlockerOverride } from '#shared/contract/encounter-records';
import { notOverridable } from '#shared/domain/consent-blockers';
import { STATE_LABELS, type EncounterState } from '#shared/workflow/states';

/**
 * Overrides are per blocker (issue 18): each open, overridable blocker needs its own, and an
 * override naming a blocker that is not open or that no one may override is refused. While the
 * consent decision, the patient's signature or the time-out is open, no override is taken at all.
 */
export function checkOverrides(state: EncounterState, blockers: readonly Blocker[], overrides: readonly BlockerOverride[]): void {
  const fixed = notOverridable(blockers);
  if (fixed.length) {
    throw new CommandError(
      'CONFLICT',
      `No override can replace ${fixed.map((b) => b.label).join('; ')}. ${STATE_LABELS[state]} ends only once ${fixed.length === 1 ? 'it is' : 'they are'} done.`,
      fixed.map((b) => ({ path: `blockers.${b.id}`, message: `${b.label}: cannot be overridden`, hardStop: b.hardStop, overridable: false })),
    );
  }
  const open = new Set(blockers.map((b) => b.id));
  const stale = overrides.map((o, i) => ({ o, i })).filter(({ o }) => !open.has(o.blockerId));
  if (stale.length) {
    throw new CommandError(
      'CONFLICT',
      `Nothing to override: ${stale.map(({ o }) => o.blockerId).join(', ')} ${stale.length === 1 ? 'is' : 'are'} not open (the screen may be out of date).`,
      stale.map(({ o, i }) => ({ path: `overrides.${i}.blockerId`, message: `${o.blockerId} is not open` })),
    );
  }
  const named = new Set(overrides.map((o) => o.blockerId));
  const missing = blockers.filter((b) => !named.has(b.id));
  if (missing.length) {
    throw new CommandError(
      'CONFLICT',
      `Each open item needs its own override and reason; none was given for ${missing.map((b) => b.label).join('; ')}.`,
      missing.map((b) => ({ path: `blockers.${b.id}`, message: `${b.label}: give a reason to override it`, hardStop: b.hardStop })),
    );
  }
}
