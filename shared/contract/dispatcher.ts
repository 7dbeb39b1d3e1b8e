/**
 * The one dispatcher: look the method up, validate the input, run the handler,
 * validate the output, and answer with an envelope. It never throws, so no
 * exception crosses a process boundary.
 */
import type { z } from 'zod';
import { CommandError, type Envelope } from './errors';
import { isMethodName, METHODS, type MethodName, type MethodOutput, type ParsedInput } from './methods';

export type Handler<M extends MethodName> = (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

/** Turns a host-specific failure (e.g. a SQLite error) into a contract error, or returns undefined. */
export type ErrorTranslator = (error: unknown) => CommandError | undefined;

export type Dispatch = (method: unknown, input: unknown) => Promise<Envelope<unknown>>;

export function formatIssues(issues: readonly z.core.$ZodIssue[]): { path: string; message: string }[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
}

export function createDispatcher(
  handlers: Handlers,
  options: { translateError?: ErrorTranslator; onInternalError?: (method: string, error: unknown) => void } = {},
): Dispatch {
  return async function dispatch(method, input) {
    if (!isMethodName(method)) {
      return fail('UNKNOWN_METHOD', `Unknown method ${JSON.stringify(String(method)).slice(0, 120)}.`);
    }
    const spec = METHODS[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const details = formatIssues(parsed.error.issues);
      const first = details[0];
      const summary = first ? `${first.path}: ${first.message}` : 'invalid input';
      return fail('INVALID_INPUT', `${method}: ${summary}`, details);
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      const checked = spec.output.safeParse(value);
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

function fail(code: CommandError['code'], message: string, details?: unknown): Envelope<never> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}
