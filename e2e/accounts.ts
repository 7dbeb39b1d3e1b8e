/**
 * The accounts every e2e test works with. There is no default account in the
 * app: right after start, the fixture creates the first administrator through
 * the contract (auth.setupFirstAdmin), and the administrator creates the
 * clinicians (users.create), exactly as an administrator would on the Users &
 * settings screen. Everyone shares one known password.
 */
import { DEFAULT_INTEROP_SETTINGS } from '#shared/contract/settings';
import { invoke, type RunningApp } from './app-process';

/** The password of every account the tests create (at least 10 characters, as the app asks). */
export const E2E_PASSWORD = 'e2e-correct-horse-42';

export const ACCOUNTS = {
  admin: { username: 'ada.admin', displayName: 'Ada Admin', role: 'admin' },
  nurse: { username: 'nina', displayName: 'Nina Nurse', role: 'nurse' },
  nurse2: { username: 'noor', displayName: 'Noor Nurse', role: 'nurse' },
  physician: { username: 'drpat', displayName: 'Dr Pat Physician', role: 'physician', provider: { npi: '1234567893', localId: null, familyName: 'Physician', givenName: 'Pat' } },
  /** Not provisioned at start: made on the Users & settings screen by the spec that needs it. */
  records: { username: 'rita', displayName: 'Rita Records', role: 'records' },
} as const;

export type Who = keyof typeof ACCOUNTS;

/** What a clinic sets before notes go to the chart (issue 19): the receiver's MRN system and the clinic's Organization. */
export const E2E_INTEROP = {
  ...DEFAULT_INTEROP_SETTINGS,
  mrnSystem: 'urn:oid:2.16.840.1.113883.19.5',
  organization: { name: 'Riverside Pain Clinic', system: 'urn:oid:2.16.840.1.113883.19.7', value: 'RPC-01' },
  visitNumberSystem: 'urn:oid:2.16.840.1.113883.19.5.2',
} as const;

interface SessionView {
  token: string;
  user: { id: string; username: string; displayName: string; role: string };
}

/** First start: the first administrator, then the clinicians it creates. Returns the administrator's token. */
export async function provisionAccounts(app: RunningApp): Promise<string> {
  const { admin } = ACCOUNTS;
  // Browser mode asks for the one-time code the host printed on its console (proof of being at it).
  const consoleCode = await app.consoleCode(/create the first administrator/);
  const session = await invoke<SessionView>(app, 'auth.setupFirstAdmin', { username: admin.username, displayName: admin.displayName, password: E2E_PASSWORD, consoleCode });
  for (const who of ['nurse', 'nurse2', 'physician'] as const) {
    const account = ACCOUNTS[who];
    const { username, displayName, role } = account;
    // A physician carries an NPI (CMS's check-digit example), without which their notes cannot go to the chart.
    const provider = 'provider' in account ? account.provider : undefined;
    await invoke(app, 'users.create', { username, displayName, role, password: E2E_PASSWORD, holder: 'someone-else', ...(provider ? { provider } : {}) }, session.token);
  }
  return session.token;
}

/** Signs in through the contract (auth.login) and returns the session token. */
export async function login(app: RunningApp, who: Who): Promise<string> {
  const session = await invoke<SessionView>(app, 'auth.login', { username: ACCOUNTS[who].username, password: E2E_PASSWORD });
  return session.token;
}
