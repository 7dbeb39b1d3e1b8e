/** Test support: a data folder holding a real database (the test accounts, one patient) and one backup, closed cleanly. */
import { createBackup } from '../backup';
import { openCore } from '../core';
import { backupsDir } from '../handlers/recovery';
import { NURSE, ok, PATIENT, tempDir, TEST_PASSWORD_COST, withAct } from './temp-core';

export async function populatedDataDir(): Promise<string> {
  const dir = tempDir();
  const core = withAct(openCore({ passwordCost: TEST_PASSWORD_COST, dataDir: dir }));
  ok(await core.act('patient.create', { actor: NURSE, ...PATIENT }));
  await createBackup(core.db, core.databaseKey, backupsDir(dir));
  core.close();
  return dir;
}
