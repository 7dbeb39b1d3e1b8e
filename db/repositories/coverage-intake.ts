/**
 * The patient's latest intake, as coverage readiness reads it (issue 20 points 1
 * and 2). The intake table arrives with the intake's own branch (migration 022).
 */
import type { CoverageIntake } from '#shared/domain/coverage-input';
import type { Db } from '../connection';

// wired to the intake repository at merge
export function latestIntake(_db: Db, _patientId: string): CoverageIntake | null {
  return null;
}
