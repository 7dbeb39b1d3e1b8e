/**
 * The closed set of error codes a command can return. Nothing else ever crosses
 * a process boundary: handlers throw CommandError, the dispatcher turns it (and
 * anything unexpected) into an envelope.
 */
export const ERROR_CODES = {
  /** The method name is not in the contract. */
  UNKNOWN_METHOD: 'The method is not part of the command contract.',
  /** The input did not match the method's input schema; details lists each issue. */
  INVALID_INPUT: 'The request was malformed; nothing was changed.',
  /** A referenced record (patient, encounter, template, item) does not exist. */
  NOT_FOUND: 'The record does not exist.',
  /** The write conflicts with stored data (e.g. an MRN already in use). */
  CONFLICT: 'The change conflicts with stored data; nothing was changed.',
  /** The caller is not allowed to make this call (wrong secret, origin or frame, or a role without the right). */
  FORBIDDEN: 'The request was refused.',
  /** No valid session: sign in first (or the session ended). */
  UNAUTHENTICATED: 'Sign in to continue; nothing was changed.',
  /** The session is locked after idle time: unlock it with the password; nothing was changed. */
  LOCKED: 'The session is locked; enter your password to continue.',
  /** The database could not store the change (disk full, read-only, locked). */
  STORAGE_FAILED: 'The change could not be saved; nothing was changed.',
  /** The data file needs recovery first (restore a backup or start empty); nothing was done. */
  UNAVAILABLE: 'The database needs recovery before it can be used; nothing was changed.',
  /** A handler produced output that breaks its own schema, or failed unexpectedly. */
  INTERNAL: 'An internal error occurred; nothing was changed.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface CommandErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export class CommandError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
    this.details = details;
  }
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: CommandErrorBody };
