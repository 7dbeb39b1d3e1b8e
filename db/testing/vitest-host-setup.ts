/**
 * Vitest global setup for renderer component tests: a real core on a temp SQLite
 * file behind the real loopback host. Components talk to it over HTTP exactly as
 * in browser mode.
 */
import type { TestProject } from 'vitest/node';
import { NURSE, openTempCore, PHYSICIAN, signIn, tempDir } from '#db/testing/temp-core';
import { startHost } from '#db/host/server';

declare module 'vitest' {
  export interface ProvidedContext {
    hostOrigin: string;
    hostSecret: string;
    /** A signed-in nurse's session token (the account is created here). */
    nurseSession: string;
    /** A signed-in physician's session token (the account is created here). */
    physicianSession: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const core = openTempCore();
  const host = await startHost({ dispatch: core.dispatch, staticDir: tempDir('proceduredesk-static-') });
  project.provide('hostOrigin', host.origin);
  project.provide('hostSecret', host.secret);
  project.provide('nurseSession', await signIn(core.dispatch, NURSE));
  project.provide('physicianSession', await signIn(core.dispatch, PHYSICIAN));
  return async () => {
    await host.close();
    core.cleanup();
  };
}
