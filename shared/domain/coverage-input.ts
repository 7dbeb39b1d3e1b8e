/**
 * What coverage readiness is judged from (issue 20 point 2): the procedure, the
 * patient's intake, their earlier procedures with outcomes, and the day.
 *
 * CoverageIntake is the part of the intake (issue 20 point 1: the intake contract
 * once merged) that the rules read, written structurally so the intake's own type
 * is assignable to it without this file importing it.
 */
import type { ProcedureFamily, SpinalRegion } from '../clinical/payer-rules';

export type TherapyResponse = 'none' | 'partial' | 'good' | 'worse' | 'unknown';

export interface CoverageIntake {
  symptoms: readonly { description: string; onset: string | null }[];
  painScore: number | null;
  functionMeasure: { name: string; score: number; max: number | null } | null;
  therapies: readonly {
    kind: 'physical-therapy' | 'medication' | 'injection' | 'chiropractic' | 'other';
    description: string;
    weeks: number | null;
    response: TherapyResponse;
    injection?: { procedure: string; date: string; percentRelief: number | null; reliefWeeks: number | null } | undefined;
  }[];
  imaging: readonly { modality: string; date: string | null; findings: string }[];
  neuro: { findings: string; deficit: string | null };
}

export interface EarlierOutcome {
  /** Percent relief reported (a follow-up's, or a diagnostic block's diary peak); null: not recorded. */
  percentRelief: number | null;
  /** How long it lasted, in weeks; null: not recorded. */
  reliefWeeks: number | null;
  /** Still lasting when last recorded, so a short duration is not yet a shortfall. */
  ongoing?: boolean;
}

export interface EarlierProcedure {
  /** A library template id, or null for one the patient reported in the intake (then `family` says what it was). */
  templateId: string | null;
  /** For one reported in the intake: what kind it was, when its words say so. */
  family?: ProcedureFamily | null;
  /** ISO date (YYYY-MM-DD). */
  date: string;
  region?: SpinalRegion | null;
  levels?: readonly string[];
  outcome?: EarlierOutcome | null;
  /** Where it is known from, for the words on screen. */
  from: 'clinic' | 'intake';
  /** What the intake called it, when it came from there. */
  label?: string;
}

export interface CoverageInput {
  procedure: { templateId: string; region?: SpinalRegion | null; levels?: readonly string[] };
  intake: CoverageIntake | null;
  earlier: readonly EarlierProcedure[];
  /** The procedure's date (ISO YYYY-MM-DD): windows and durations are counted back from it. */
  now: string;
}
