// While the core checks a large data file after a crash (db/runtime.ts; the check
// itself is tested on real files in db/start-check.test.ts), the app shows the
// checking screen instead of a blank or frozen window, asks again every second,
// and continues to sign-in on its own once the core is ready. The bridge here
// answers as the runtime does in each mode.
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '#shared/contract/errors';
import type { RecoveryStatus } from '#shared/contract/recovery';
import type { Bridge } from '#shared/contract/transport';
import { createClient, setClient } from '../api/client';
import { useRecovery } from '../stores/recovery';
import { coreSettled, trackedBridge } from '../testing/core-calls';
import { App } from './App';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  useRecovery.setState({ status: null, error: null });
});

describe('the checking screen', () => {
  it('shows the check, polls, and moves on to sign-in when the core is ready', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-11-25T08:00:07Z'));
    let mode: RecoveryStatus['mode'] = 'checking';
    const asked: string[] = [];
    const bridge: Bridge = {
      invoke: (method) => {
        asked.push(method);
        const status: RecoveryStatus = {
          mode,
          check: mode === 'checking' ? { bytes: 12.9 * 2 ** 30, startedAt: '2026-11-25T08:00:00Z', expectedSeconds: 66 } : null,
          damageAfterCheck: null,
          problem: null,
          backups: [],
          dataDir: '/data',
          auditAlarm: null,
          needsConsoleCode: false,
          encryption: { keyProtection: 'owner-only-file', keyDir: '/data.keys' },
        };
        const answer: Envelope<unknown> =
          method === 'recovery.status' ? { ok: true, value: status }
            : method === 'auth.status' && mode === 'ready' ? { ok: true, value: { needsFirstAdmin: false, session: null, needsConsoleCode: false } }
              : { ok: false, error: { code: 'UNAVAILABLE', message: 'The data file is being checked after an unexpected shutdown; nothing was changed.' } };
        return Promise.resolve(answer);
      },
      on: () => () => undefined,
    };
    setClient(createClient(trackedBridge(bridge)));
    render(<App />);
    await coreSettled();
    expect(screen.getByRole('heading', { name: 'Checking the data file' })).toBeDefined();
    expect(screen.getByText(/reads every page of the data file \(12\.9 GB\)/)).toBeDefined();
    expect(screen.getByRole('progressbar', { name: 'Checking every page of the data file' })).toBeDefined();
    // Nothing but the status is asked while checking: no session, no patient data.
    expect(new Set(asked)).toEqual(new Set(['recovery.status']));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3000);
    });
    expect(screen.getByText('10 s so far')).toBeDefined();
    expect(asked.filter((m) => m === 'recovery.status').length).toBeGreaterThanOrEqual(4);
    mode = 'ready';
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    expect(screen.queryByRole('heading', { name: 'Checking the data file' })).toBeNull();
    expect(asked).toContain('auth.status');
    await coreSettled();
    expect(screen.getByRole('form', { name: 'Sign in' })).toBeDefined();
  });
});
