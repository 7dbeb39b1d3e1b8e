// Every role-limited method against every role: refused exactly where the contract's access list says.
// Through the real dispatcher on real SQLite files.
import { describe, expect, it } from 'vitest';
import { METHODS, roleAllowed, type Access, type MethodName } from '#shared/contract/methods';
import { clockedCoresPerTest, codeOf, userRow } from '../testing/clocked-core';
import { ADMIN, NURSE, ok, PATIENT, PHYSICIAN, RECORDS, tableCounts, TEST_PASSWORD, usernameOf, type TempCore } from '../testing/temp-core';

const ROLE_METHODS = (Object.keys(METHODS) as MethodName[]).filter((m) => Array.isArray(METHODS[m].access));

const open = clockedCoresPerTest(Date.parse('2026-03-02T09:00:00.000Z'));

const TEMPLATE = 'lumbar-medial-branch-block';

async function newPatientAndEncounter(dispatch: TempCore['dispatch'], token: string, mrn: string) {
  const patient = ok<{ id: string }>(await dispatch('patient.create', { ...PATIENT, mrn }, token));
  const encounter = ok<{ id: string }>(
    await dispatch('encounter.create', { patientId: patient.id, templateId: TEMPLATE, levels: ['L4'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Axial low back pain.' }, token),
  );
  return { patientId: patient.id, encounterId: encounter.id };
}

describe('role-based access', () => {
  it('refuses exactly the methods whose access list leaves the role out (FORBIDDEN, nothing changed)', async () => {
    const { core, dispatch, login } = open();
    const tokens = { nurse: await login(NURSE), physician: await login(PHYSICIAN), admin: await login(ADMIN), records: await login(RECORDS) };
    const { patientId, encounterId } = await newPatientAndEncounter(dispatch, tokens.nurse, 'ROLE-0');
    const nurseId = userRow(core, usernameOf(NURSE))!.id;
    let n = 0;
    /** Inputs that are valid (or at least reach validation) for each method; anything else gets {}. */
    const inputFor = (method: MethodName): unknown => {
      n++;
      const samples: Partial<Record<MethodName, unknown>> = {
        'auth.changePassword': { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
        'users.create': { username: `role.${n}`, displayName: `Role Test ${n}`, role: 'nurse', password: TEST_PASSWORD, holder: 'someone-else' },
        // An account that does not exist: a real reset would end the nurse's sessions mid-matrix.
        'users.resetPassword': { userId: '00000000-0000-4000-8000-000000000000', newPassword: TEST_PASSWORD, adminPassword: TEST_PASSWORD },
        'users.setActive': { userId: nurseId, active: true },
        'users.clearLockout': { userId: nurseId },
        'settings.update': { idleLockMinutes: 10 },
        'library.get': { templateId: TEMPLATE, version: 1 },
        'patient.create': { ...PATIENT, mrn: `ROLE-${n}` },
        'patient.search': { query: 'Pe' },
        'encounter.create': { patientId, templateId: TEMPLATE, levels: ['L4'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Axial low back pain.' },
        'encounter.list': {},
        'encounter.get': { encounterId },
        'checklist.setItem': { encounterId, itemId: 'infection', status: 'checked' },
        'checklist.setItems': { encounterId, itemIds: ['infection'], status: 'checked' },
        'consent.save': {
          encounterId, benefitsDiscussed: true, benefitsNote: '', alternativesDiscussed: true, alternativesNote: '', questions: [], interpreter: { used: false }, decision: null,
        },
        'note.export': { encounterId },
        'library.acceptFact': { templateId: TEMPLATE, version: 1, factId: 'no-such-fact', comment: 'Reaches the handler.' },
        'library.publish': { basedOnVersion: 1, template: {} },
        'library.diff': { templateId: TEMPLATE, from: 1, to: 1 },
        'library.export': { templateIds: [TEMPLATE] },
        'library.import': { document: '{}' },
        'library.questionnaire': { templateId: TEMPLATE, version: 1 },
        'recovery.restoreBackup': { backup: 'proceduredesk-2026-01-01T00-00-00-000Z.backup.sqlite', username: 'ada', password: TEST_PASSWORD },
        'recovery.startEmpty': { confirm: 'start-empty' },
        'audit.list': { limit: 5 },
        'demo.seed': { today: '2026-11-24' },
      };
      return method in samples ? samples[method] : {};
    };

    expect(ROLE_METHODS.length).toBeGreaterThan(20);
    const refusals: string[] = [];
    for (const method of ROLE_METHODS) {
      const access = METHODS[method].access as Exclude<Access, 'public' | 'session'>;
      for (const role of ['nurse', 'physician', 'admin', 'records'] as const) {
        const before = tableCounts(core);
        const result = await dispatch(method, inputFor(method), tokens[role]);
        const code = codeOf(result);
        expect(['UNAUTHENTICATED', 'LOCKED'], `${method} as ${role}: ${JSON.stringify(result).slice(0, 300)}`).not.toContain(code);
        if (roleAllowed(access, role)) {
          expect(code, `${method} as ${role}: ${JSON.stringify(result).slice(0, 300)}`).not.toBe('FORBIDDEN');
        } else {
          expect(code, `${method} as ${role}`).toBe('FORBIDDEN');
          expect(tableCounts(core), `${method} as ${role} changed something`).toEqual(before);
          refusals.push(`${method}:${role}`);
        }
      }
    }
    // Spot checks that the matrix means what the clinic expects.
    expect(refusals).toEqual(expect.arrayContaining(['patient.create:admin', 'encounter.get:admin', 'users.create:nurse', 'users.create:physician', 'library.publish:nurse', 'audit.list:nurse', 'settings.update:physician']));
    expect(refusals).not.toContain('encounter.get:nurse');
    expect(refusals).toEqual(expect.arrayContaining(['patient.create:records', 'checklist.setItem:records', 'note.sign:records', 'users.create:records']));
    expect(refusals).not.toContain('export.startBatch:records');
  });
});
