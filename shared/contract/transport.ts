/**
 * The bridge both transports give the renderer: exactly `invoke` and `on`.
 * Electron's preload exposes it on window.procedureDesk; browser mode builds the
 * same shape over HTTP.
 */
import type { Envelope } from './errors';
import type { EventName, EventPayload } from './events';

export interface Bridge {
  /** session: the sign-in token, carried beside the input (never inside it). */
  invoke(method: string, input: unknown, session?: string | null): Promise<Envelope<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Largest request either transport accepts, in bytes of JSON: room for the largest library import (MAX_IMPORT_CHARS) once escaped as a JSON string. */
export const MAX_REQUEST_BYTES = 8 * 1024 * 1024;

/** Header carrying the loopback host's per-launch secret. */
export const SECRET_HEADER = 'x-proceduredesk-secret';

/** Header carrying the signed-in session's token to the loopback host. */
export const SESSION_HEADER = 'x-proceduredesk-session';
