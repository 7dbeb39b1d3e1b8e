/** Test support: the renderer signed in against the test host's real core as one of its shared sessions. */
import { inject } from 'vitest';
import { api, setClient, setSessionToken } from '../api/client';
import { useSession } from '../stores/session';
import { coreClient } from './core-calls';

/** Points the client at the real core with the session's token and puts the session store in the active phase. */
export async function signInAs(session: 'nurseSession' | 'physicianSession' | 'adminSession'): Promise<void> {
  setClient(coreClient());
  setSessionToken(inject(session));
  const status = await api().call('auth.status', {});
  useSession.setState({ phase: 'active', user: status.session!.user });
}
