// Where no OS keystore wraps the database key (browser mode, as the test host
// runs), the app says so before anyone signs in, naming the key folder; where
// the keystore wraps it, nothing is shown.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecoveryStatus } from '#shared/contract/recovery';
import type { Bridge } from '#shared/contract/transport';
import { createClient, setClient } from '../api/client';
import { useRecovery } from '../stores/recovery';
import { useSession } from '../stores/session';
import { coreClient, coreSettled, trackedBridge } from '../testing/core-calls';
import { App } from './App';

afterEach(() => {
  cleanup();
  useRecovery.setState({ status: null, error: null });
  useSession.setState({ phase: 'loading', user: null });
});

const HEADING = 'No OS keystore protects the database key';

describe('the key protection notice', () => {
  it('in browser mode the sign-in screen says the key is an owner-only file, and where', async () => {
    setClient(coreClient());
    render(<App />);
    await coreSettled();
    expect(screen.getByRole('form', { name: 'Sign in' })).toBeDefined();
    const notice = screen.getByRole('region', { name: HEADING });
    const keyDir = useRecovery.getState().status!.encryption.keyDir;
    expect(keyDir).toMatch(/\.keys$/);
    expect(notice.textContent).toContain(keyDir);
    expect(notice.textContent).toMatch(/encrypted \(AES-256\), but the key is a file in .* that anyone using this OS account can read/);
  });

  it('says nothing when the OS keystore wraps the key', async () => {
    const status: RecoveryStatus = {
      mode: 'ready', check: null, damageAfterCheck: null, problem: null, backups: [], dataDir: '/data',
      encryption: { keyProtection: 'os-keystore', keyDir: '/keys' }, auditAlarm: null, needsConsoleCode: false,
    };
    const bridge: Bridge = {
      invoke: (method) => Promise.resolve(method === 'recovery.status' ? { ok: true, value: status } : { ok: true, value: { needsFirstAdmin: false, session: null } }),
      on: () => () => undefined,
    };
    setClient(createClient(trackedBridge(bridge)));
    render(<App />);
    await coreSettled();
    expect(screen.getByRole('form', { name: 'Sign in' })).toBeDefined();
    expect(screen.queryByRole('region', { name: HEADING })).toBeNull();
  });
});
