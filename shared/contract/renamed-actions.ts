/**
 * Audit actions are contract method names, and the trail keeps the name a
 * method had when the entry was written: an entry never changes. When a
 * method is renamed, its old name is listed here so that whatever reads the
 * trail by action (the audit screen's filter, the note verifier) still finds
 * the entries written before the rename.
 */

/** Old action name → the method's name now. */
export const RENAMED_AUDIT_ACTIONS: Readonly<Record<string, string>> = {
  // One retraction verb: "void … entered in error" ("withdraw" is the patient's act).
  'followUp.withdraw': 'followUp.voidRecord',
  'encounter.withdrawBleedingRiskRaise': 'encounter.voidBleedingRiskRaise',
};

/** Every name the trail may hold an entry of this action under: its name now first, then its old names. */
export function auditActionNames(action: string): string[] {
  const current = RENAMED_AUDIT_ACTIONS[action] ?? action;
  return [current, ...Object.keys(RENAMED_AUDIT_ACTIONS).filter((old) => RENAMED_AUDIT_ACTIONS[old] === current)];
}
