// The shared save state for actions that throw when refused (the session and users stores): the
// refusal shows as the form's errors, a second submit while one is in flight sends nothing, and
// what the form shows as saved comes from the form.
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { firstError, useFormSave } from './useFormSave';

afterEach(cleanup);

describe('useFormSave.run', () => {
  it('shows what the action threw as errors, then clears them and says saved on the next success', async () => {
    const { result } = renderHook(() => useFormSave());
    let outcome: unknown;
    await act(async () => { outcome = await result.current.run(() => Promise.reject(new Error('The folder is gone.'))); });
    expect(outcome).toEqual({ form: 'The folder is gone.' });
    expect(result.current.errors).toEqual({ form: 'The folder is gone.' });
    expect(result.current.savedAt).toBeNull();

    await act(async () => { outcome = await result.current.run(() => Promise.resolve(), { onSaved: () => 'Settings saved.' }); });
    expect(outcome).toBeNull();
    expect(result.current.errors).toEqual({});
    expect(result.current.savedAt).toBe('Settings saved.');
  });

  it('maps a refusal through toErrors, and sends nothing while busy', async () => {
    const { result } = renderHook(() => useFormSave());
    let release!: () => void;
    let calls = 0;
    const slow = () => { calls++; return new Promise<void>((resolve) => { release = resolve; }); };
    let first!: Promise<unknown>;
    act(() => { first = result.current.run(slow); });
    expect(result.current.busy).toBe(true);
    let second: unknown;
    await act(async () => { second = await result.current.run(slow); });
    expect(second).toEqual({});
    expect(calls).toBe(1);
    await act(async () => { release(); await first; });
    expect(result.current.busy).toBe(false);

    await act(async () => {
      await result.current.run(() => Promise.reject(new ApiError({ code: 'UNAUTHENTICATED', message: 'Wrong password.' })), { toErrors: () => ({ form: 'The password is not right.' }) });
    });
    expect(result.current.errors).toEqual({ form: 'The password is not right.' });
  });
});

describe('firstError', () => {
  it('is null without errors, the first one otherwise, and the fallback for an empty one', () => {
    expect(firstError({})).toBeNull();
    expect(firstError({ value: 'Enter the INR as a number, e.g. 1.1.', form: 'x' })).toBe('Enter the INR as a number, e.g. 1.1.');
    expect(firstError({ form: '' }, 'Not confirmed.')).toBe('Not confirmed.');
  });
});
