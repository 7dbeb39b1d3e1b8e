// After a crash the data file is checked in the background (db/runtime.ts; tested
// on real files in db/start-check.test.ts): sign-in is there at once with one status
// line that counts the seconds against the estimate and goes when the check passes;
// damage found blocks with a plain message, then says what the recovery did. The
// bridge here answers as the runtime does in each state.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
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

type State = 'background' | 'passed' | 'restoring' | 'restored';

function bridgeIn(state: () => State, asked: string[]): Bridge {
  return {
    invoke: (method) => {
      asked.push(method);
      const s = state();
      const found = { detail: 'quick_check: database disk image is malformed', foundAt: '2026-11-25T08:00:30Z', setAsideTo: '/data/quarantine/x-corrupt', replayed: 0, keptForAdministrator: 0, journalKeptAt: null };
      const status: RecoveryStatus = {
        mode: s === 'restoring' ? 'checking' : 'ready',
        check: s === 'background' || s === 'restoring' ? { bytes: 12.9 * 2 ** 30, startedAt: '2026-11-25T08:00:00Z', expectedSeconds: 66 } : null,
        damageAfterCheck: s === 'restoring' ? { ...found, restoredBackup: null } : s === 'restored' ? { ...found, restoredBackup: 'proceduredesk-2026-11-24T18-00-00-000Z.backup.sqlite', replayed: 4 } : null,
        problem: null,
        backups: [],
        dataDir: '/data',
        auditAlarm: null,
        needsConsoleCode: false,
        encryption: { keyProtection: 'owner-only-file', keyDir: '/data.keys' },
      };
      const answer: Envelope<unknown> =
        method === 'recovery.status' ? { ok: true, value: status }
          : method === 'auth.status' && s !== 'restoring' ? { ok: true, value: { needsFirstAdmin: false, session: null, needsConsoleCode: false } }
            : { ok: false, error: { code: 'UNAVAILABLE', message: 'restoring' } };
      return Promise.resolve(answer);
    },
    on: () => () => undefined,
  };
}

const tick = (ms: number) => act(async () => {
  await vi.advanceTimersByTimeAsync(ms);
});

describe('the check after a crash, on screen', () => {
  it('sign-in at once with a status line that counts, gone when the check passes', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-11-25T08:00:07Z'));
    let state: State = 'background';
    const asked: string[] = [];
    setClient(createClient(trackedBridge(bridgeIn(() => state, asked))));
    render(<App />);
    await coreSettled();
    expect(screen.getByRole('form', { name: 'Sign in' })).toBeDefined();
    await tick(3000);
    expect(screen.getByRole('status').textContent).toMatch(/^Checking the data file in the background: 10 s of ~66 s \(12\.9 GB\)\. You can keep working/);
    expect(asked.filter((m) => m === 'recovery.status').length).toBeGreaterThanOrEqual(4);
    state = 'passed';
    await tick(1000);
    expect(screen.queryByText(/Checking the data file in the background/)).toBeNull();
    expect(screen.getByRole('form', { name: 'Sign in' })).toBeDefined();
  });

  it('damage found: blocked while restoring, then told plainly what happened until read', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    let state: State = 'restoring';
    setClient(createClient(trackedBridge(bridgeIn(() => state, []))));
    render(<App />);
    await coreSettled();
    expect(screen.getByRole('heading', { name: 'The data file is damaged: restoring' })).toBeDefined();
    expect(screen.queryByRole('form', { name: 'Sign in' })).toBeNull();
    state = 'restored';
    await tick(1000);
    await coreSettled();
    expect(screen.getByRole('heading', { name: 'The data file was damaged and has been replaced' })).toBeDefined();
    expect(screen.getByText(/backup proceduredesk-2026-11-24T18-00-00-000Z\.backup\.sqlite was restored and the 4 change\(s\) saved since the start were re-applied/)).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'I have read this: continue' }));
    expect(screen.getByRole('form', { name: 'Sign in' })).toBeDefined();
  });
});
