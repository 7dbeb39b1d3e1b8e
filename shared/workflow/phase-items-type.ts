/**
 * The shape of a procedure-day item and the source ids the item lists cite; the items
 * themselves live one file per phase (phase-items-<phase>.ts) and phase-items.ts joins them.
 */
import type { SourceRef } from '../library/schema';
import type { Applicability } from './applicability';
import type { WorkPhase } from './states';

export interface WorkflowItem {
  /** kebab-case, prefixed 'wf-' so it never clashes with a template fact id. */
  id: string;
  phase: WorkPhase;
  /** Display group, e.g. 'identity', 'allergies', 'time-out', 'discharge'. */
  section: string;
  label: string;
  detail?: string;
  /** A required item must be checked or marked not applicable before the phase can be left. */
  required: boolean;
  /** Who answers it: WHO assigns each check to a role; the time-out belongs to the whole team. */
  by: 'nurse' | 'physician' | 'team';
  when: Applicability;
  sources: SourceRef[];
}

export const WHO = 'who-surgical-safety-checklist-2009';
export const UP = 'tjc-universal-protocol';
export const CONSENSUS = 'fact-base-consensus';
export const NPSG_IDENTIFIERS = 'tjc-npsg-01-01-01';
