/**
 * The one dispatcher: look the method up, validate the input, run the handler,
 * validate the output, and answer with an envelope. It never throws, so no
 * exception crosses a process boundary.
 */
import type { z } from 'zod';
import type { Actor } from './common';
import { CommandError, type Envelope } from './errors';
import { isMethodName, METHODS, type Access, type CoreMethod, type MethodName, type Methods, type MethodOutput, type ParsedInput, type RuntimeMethod } from './methods';
import { readStored } from './text';

/** The signed-in caller, resolved from the session token the transport carried. */
export interface Caller {
  actor: Actor;
  userId: string;
  token: string;
}

/** What a public method knows of its caller: at most a token (which it may check itself). */
export interface PublicCall {
  token: string | null;
  caller: null;
}
export interface SignedInCall {
  token: string;
  caller: Caller;
}
type CallFor<M extends MethodName> = Methods[M]['access'] extends 'public' ? PublicCall : SignedInCall;

export type Handler<M extends MethodName> = (input: ParsedInput<M>, call: CallFor<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
type HandlersOf<Ms extends MethodName> = { [M in Ms]: Handler<M> };
/** What the core serves over its open database: every method whose contract entry says servedBy 'core'. */
export type Handlers = HandlersOf<CoreMethod>;
/** What db/runtime.ts serves: the methods that replace or copy the database the core holds open. */
export type RuntimeHandlers = HandlersOf<RuntimeMethod>;
/** A dispatcher serves some of the contract; a method it does not serve is refused as unavailable here. */
export type SomeHandlers = Partial<HandlersOf<MethodName>>;

/** Turns a host-specific failure (e.g. a SQLite error) into a contract error, or returns undefined. */
export type ErrorTranslator = (error: unknown) => CommandError | undefined;

/**
 * Resolves a session token for a method of the given access, or throws a
 * CommandError (UNAUTHENTICATED, LOCKED, FORBIDDEN). Also where activity is
 * recorded for the idle lock.
 */
export type Authenticate = (token: string | null, access: Exclude<Access, 'public'>, method: MethodName) => Caller;

/** method and input come from the page; session is the token the transport carried beside them. */
export type Dispatch = (method: unknown, input: unknown, session?: string | null) => Promise<Envelope<unknown>>;

export function formatIssues(issues: readonly z.core.$ZodIssue[]): { path: string; message: string }[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}

export function createDispatcher(
  handlers: SomeHandlers,
  options: { authenticate: Authenticate; translateError?: ErrorTranslator; onInternalError?: (method: string, error: unknown) => void },
): Dispatch {
  return async function dispatch(method, input, session) {
    if (!isMethodName(method)) {
      return fail('UNKNOWN_METHOD', `Unknown method ${JSON.stringify(String(method)).slice(0, 120)}.`);
    }
    const spec = METHODS[method];
    const token = typeof session === 'string' && session.length > 0 && session.length <= 200 ? session : null;
    // Who is calling is settled before the input is even looked at: an unauthorised caller learns nothing from validation.
    let call: PublicCall | SignedInCall;
    try {
      call = spec.access === 'public' ? { token, caller: null } : authorised(options.authenticate, token, spec.access, method);
    } catch (error) {
      if (error instanceof CommandError) return fail(error.code, error.message, error.details);
      options.onInternalError?.(method, error);
      return fail('INTERNAL', `${method}: the session could not be checked; nothing was changed.`);
    }
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const details = formatIssues(parsed.error.issues);
      const first = details[0];
      const summary = first ? `${first.path}: ${first.message}` : 'invalid input';
      return fail('INVALID_INPUT', `${method}: ${summary}`, details);
    }
    const handler = handlers[method] as ((input: unknown, call: PublicCall | SignedInCall) => unknown) | undefined;
    if (!handler) {
      const where = spec.servedBy === 'runtime' ? 'the running app (it replaces or copies the open database)' : 'the core';
      return fail('UNAVAILABLE', `${method} is served by ${where}, not here; nothing was changed.`);
    }
    try {
      const value = await handler(parsed.data, call);
      // What a handler returns was read from storage: text stored before the text rules is neutralised, not refused.
      const checked = readStored(() => spec.output.safeParse(value));
      if (!checked.success) {
        options.onInternalError?.(method, checked.error);
        return fail('INTERNAL', `${method}: the result did not match the contract.`);
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      const known = error instanceof CommandError ? error : options.translateError?.(error);
      if (known) return fail(known.code, known.message, known.details);
      options.onInternalError?.(method, error);
      return fail('INTERNAL', `${method}: an unexpected error occurred; nothing was changed.`);
    }
  };
}

function authorised(authenticate: Authenticate, token: string | null, access: Exclude<Access, 'public'>, method: MethodName): SignedInCall {
  const caller = authenticate(token, access, method);
  return { token: caller.token, caller };
}

function fail(code: CommandError['code'], message: string, details?: unknown): Envelope<never> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}
