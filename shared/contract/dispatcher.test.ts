import { describe, expect, it } from 'vitest';
import { createDispatcher, type Authenticate, type Handlers } from './dispatcher';
import { CommandError, ERROR_CODES } from './errors';
import { METHODS, roleAllowed } from './methods';

function handlersWith(overrides: Partial<Handlers>): Handlers {
  const fail = () => {
    throw new Error('not under test');
  };
  const all = Object.fromEntries(Object.keys(METHODS).map((m) => [m, fail])) as unknown as Handlers;
  return { ...all, ...overrides };
}

/** A stand-in session check: token "nurse-token" is a signed-in nurse, anything else is refused. */
const authenticate: Authenticate = (token, access, method) => {
  if (token !== 'nurse-token') throw new CommandError('UNAUTHENTICATED', 'sign in');
  if (access !== 'session' && !roleAllowed(access, 'nurse')) throw new CommandError('FORBIDDEN', `${method} is not for nurses`);
  return { actor: { name: 'Nina', role: 'nurse' }, userId: 'u1', token };
};

describe('dispatcher', () => {
  it('settles who is calling before it looks at the input, and hands the caller to the handler', async () => {
    let seen: unknown = null;
    const dispatch = createDispatcher(handlersWith({ 'patient.search': (_input, call) => ((seen = call.caller), []) }), { authenticate });
    expect(await dispatch('patient.search', { query: 7 })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await dispatch('patient.search', { query: 7 }, 'wrong')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await dispatch('users.list', {}, 'nurse-token')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await dispatch('patient.search', { query: 'a' }, 'nurse-token')).toEqual({ ok: true, value: [] });
    expect(seen).toEqual({ actor: { name: 'Nina', role: 'nurse' }, userId: 'u1', token: 'nurse-token' });
  });

  it('public methods run without a session', async () => {
    const dispatch = createDispatcher(handlersWith({ 'auth.status': (_i, call) => ({ needsFirstAdmin: call.token === null, session: null, needsConsoleCode: false }) }), { authenticate });
    expect(await dispatch('auth.status', {})).toEqual({ ok: true, value: { needsFirstAdmin: true, session: null, needsConsoleCode: false } });
  });

  it('refuses an unknown method with UNKNOWN_METHOD', async () => {
    const dispatch = createDispatcher(handlersWith({}), { authenticate });
    expect(await dispatch('patient.drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    // Inherited object keys are not methods.
    expect(await dispatch('toString', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('validates input before the handler runs and lists every issue', async () => {
    let ran = false;
    const dispatch = createDispatcher(handlersWith({ 'patient.search': () => ((ran = true), []) }), { authenticate });
    const result = await dispatch('patient.search', { query: 7, extra: true }, 'nurse-token');
    expect(ran).toBe(false);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!result.ok) {
      const paths = (result.error.details as { path: string }[]).map((d) => d.path);
      expect(paths).toContain('query');
      expect(result.error.message).toMatch(/^patient\.search: /);
    }
  });

  it('returns the handler value when it matches the output schema', async () => {
    const dispatch = createDispatcher(handlersWith({ 'system.info': () => ({ appVersion: '1', schemaVersion: 1, dataDir: '/d' }) }), { authenticate });
    expect(await dispatch('system.info', {})).toEqual({ ok: true, value: { appVersion: '1', schemaVersion: 1, dataDir: '/d' } });
  });

  it('turns output that breaks the contract into INTERNAL', async () => {
    const seen: string[] = [];
    const dispatch = createDispatcher(
      handlersWith({ 'system.info': () => ({ appVersion: 1 }) as never }),
      { authenticate, onInternalError: (m) => seen.push(m) },
    );
    expect(await dispatch('system.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(seen).toEqual(['system.info']);
  });

  it('never throws: CommandError keeps its code, anything else becomes INTERNAL', async () => {
    const dispatch = createDispatcher(
      handlersWith({
        'library.list': () => {
          throw new CommandError('NOT_FOUND', 'gone', { id: 1 });
        },
        'patient.search': async () => Promise.reject(new TypeError('boom')),
      }),
      { authenticate },
    );
    expect(await dispatch('library.list', {}, 'nurse-token')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'gone', details: { id: 1 } } });
    const internal = await dispatch('patient.search', { query: 'a' }, 'nurse-token');
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    if (!internal.ok) expect(internal.error.message).not.toContain('boom');
  });

  it('lets the host translate its own failures', async () => {
    const dispatch = createDispatcher(
      handlersWith({
        'library.list': () => {
          throw Object.assign(new Error('disk'), { code: 'SQLITE_FULL' });
        },
      }),
      { authenticate, translateError: (e) => ((e as { code?: string }).code === 'SQLITE_FULL' ? new CommandError('STORAGE_FAILED', 'full') : undefined) },
    );
    expect(await dispatch('library.list', {}, 'nurse-token')).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILED' } });
  });

  it('every contract method has a summary and both schemas, and the error codes are documented', () => {
    for (const [name, spec] of Object.entries(METHODS)) {
      expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-zA-Z]+$/);
      expect(spec.summary.length).toBeGreaterThan(10);
      expect(spec.input).toBeDefined();
      expect(spec.output).toBeDefined();
      expect(spec.access === 'public' || spec.access === 'session' || spec.access.length > 0).toBe(true);
    }
    for (const text of Object.values(ERROR_CODES)) expect(text.length).toBeGreaterThan(10);
  });
});
