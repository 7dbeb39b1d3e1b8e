/**
 * The typed API client. Stores are its only callers. It unwraps envelopes:
 * success returns the typed value, failure throws an ApiError with the code.
 */
import type { CommandErrorBody, ErrorCode } from '#shared/contract/errors';
import type { MethodInput, MethodName, MethodOutput } from '#shared/contract/methods';
import type { Bridge } from '#shared/contract/transport';
import type { EventName, EventPayload } from '#shared/contract/events';

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(body: CommandErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.details = body.details;
  }
  /** Field-level messages, keyed by input path, for showing next to form fields. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    if (Array.isArray(this.details)) {
      for (const d of this.details as { path?: string; message?: string }[]) {
        if (d.path && d.message && !out[d.path]) out[d.path] = d.message;
      }
    }
    return out;
  }
}

export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/**
 * The signed-in session's token, held in memory only: a reload or a restart
 * signs the user out. Sent beside every call, never inside its input.
 */
let sessionToken: string | null = null;
let onSessionLost: ((code: 'UNAUTHENTICATED' | 'LOCKED') => void) | null = null;

export function setSessionToken(token: string | null): void {
  sessionToken = token;
}

/** Told when any call finds the session gone or locked (e.g. the core locked it after idle time). */
export function onSessionProblem(listener: ((code: 'UNAUTHENTICATED' | 'LOCKED') => void) | null): void {
  onSessionLost = listener;
}

/** Calls whose refusal is about the password typed, not about the session. */
const CREDENTIAL_CALLS = new Set<string>(['auth.login', 'auth.unlock', 'auth.setupFirstAdmin', 'auth.changePassword']);

export function createClient(bridge: Bridge): ApiClient {
  return {
    async call(method, input) {
      const envelope = await bridge.invoke(method, input, sessionToken);
      if (!envelope.ok) {
        const code = envelope.error.code;
        if ((code === 'UNAUTHENTICATED' || code === 'LOCKED') && !CREDENTIAL_CALLS.has(method)) onSessionLost?.(code);
        throw new ApiError(envelope.error);
      }
      return envelope.value as never;
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}

let current: ApiClient | null = null;

export function setClient(client: ApiClient): void {
  current = client;
}

export function api(): ApiClient {
  if (!current) throw new Error('the API client was used before start-up chose a transport');
  return current;
}

/** Field errors keyed by input path, or null when the write succeeded. */
export type FormResult = Record<string, string> | null;

/** Errors for a form: one per field the core named, else the whole message. */
export function formErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return { form: error instanceof Error ? error.message : String(error) };
  const fields = error.fieldErrors();
  return Object.keys(fields).length ? { ...fields, form: 'Please correct the fields marked above.' } : { form: error.message };
}
