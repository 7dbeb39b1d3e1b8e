/**
 * Vitest global setup for renderer component tests: a real core on a temp SQLite
 * file behind the real loopback host. Components talk to it over HTTP exactly as
 * in browser mode.
 */
import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { ADMIN, NURSE, openTempCore, PHYSICIAN, signIn, tempDir } from '#db/testing/temp-core';
import { startHost } from '#db/host/server';

declare module 'vitest' {
  export interface ProvidedContext {
    hostOrigin: string;
    hostSecret: string;
    /** A signed-in nurse's session token (the account is created here). */
    nurseSession: string;
    /** A signed-in physician's session token (the account is created here). */
    physicianSession: string;
    /** The administrator's session token (the Users & settings screen). */
    adminSession: string;
    /** An existing folder on the core's machine, for settings the core refuses when their folder does not exist. */
    scratchFolder: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // One core serves every renderer test file for the whole run. Its idle clock stands still, so
  // sessions signed in here never idle-lock however long a loaded machine takes to reach a file
  // (they did, after 10 real minutes). The renderer's own idle timer is tested on fake timers.
  const core = openTempCore({ monotonic: () => 0 });
  const host = await startHost({ dispatch: core.dispatch, staticDir: tempDir('proceduredesk-static-') });
  project.provide('hostOrigin', host.origin);
  project.provide('hostSecret', host.secret);
  project.provide('nurseSession', await signIn(core.dispatch, NURSE));
  project.provide('physicianSession', await signIn(core.dispatch, PHYSICIAN));
  project.provide('adminSession', await signIn(core.dispatch, ADMIN));
  const scratch = tempDir('proceduredesk-scratch-');
  project.provide('scratchFolder', scratch);
  return async () => {
    await host.close();
    fs.rmSync(scratch, { recursive: true, force: true });
    core.cleanup();
  };
}
