/** Opens the app's core on a generated data set, signed in as the nurse, the way the app starts. */
import { openCore, type Core } from '#db/core';
import { NURSE, PHYSICIAN, TEST_PASSWORD, usernameOf } from '#db/testing/temp-core';

export interface BenchCore {
  core: Core;
  nurse: string;
  physician: string;
  /** Calls the dispatcher; throws on a refusal (a benchmark must never time an error). */
  call<T = unknown>(method: string, input: unknown, token?: string): Promise<T>;
}

export async function login(core: Core, who: { name: string; role: string }): Promise<string> {
  const envelope = await core.dispatch('auth.login', { username: usernameOf(who as typeof NURSE), password: TEST_PASSWORD });
  if (!envelope.ok) throw new Error(`sign-in of ${who.name}: ${envelope.error.message}`);
  return (envelope.value as { token: string }).token;
}

export async function openBenchCore(dataDir: string, now?: () => Date): Promise<BenchCore> {
  const core = openCore({ dataDir, ...(now ? { now } : {}) });
  const nurse = await login(core, NURSE);
  const physician = await login(core, PHYSICIAN);
  return {
    core,
    nurse,
    physician,
    async call<T>(method: string, input: unknown, token = nurse): Promise<T> {
      const envelope = await core.dispatch(method, input, token);
      if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`);
      return envelope.value as T;
    },
  };
}
