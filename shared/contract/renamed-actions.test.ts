// The old names of renamed methods: each points at a method that exists, no
// old name is a method again, and a lookup by either name gives all of them.
import { describe, expect, it } from 'vitest';
import { METHODS } from './methods';
import { RENAMED_AUDIT_ACTIONS, auditActionNames } from './renamed-actions';

describe('renamed audit actions', () => {
  it('map old names that are no longer methods to methods that are', () => {
    for (const [old, now] of Object.entries(RENAMED_AUDIT_ACTIONS)) {
      expect(Object.keys(METHODS), old).not.toContain(old);
      expect(Object.keys(METHODS), now).toContain(now);
    }
  });

  it('give every name an action was written under, by its name now or an old one', () => {
    expect(auditActionNames('encounter.voidBleedingRiskRaise')).toEqual(['encounter.voidBleedingRiskRaise', 'encounter.withdrawBleedingRiskRaise']);
    expect(auditActionNames('encounter.withdrawBleedingRiskRaise')).toEqual(['encounter.voidBleedingRiskRaise', 'encounter.withdrawBleedingRiskRaise']);
    expect(auditActionNames('note.sign')).toEqual(['note.sign']);
  });
});
