/**
 * The IPC side of the one dispatcher: check the sender, cap the size, dispatch,
 * and tell the renderer when a write landed. Imports no Electron at runtime, so
 * it is tested under plain Node with fake events and the real core.
 */
import type { IpcMainInvokeEvent } from 'electron';
import type { Dispatch } from '#shared/contract/dispatcher';
import type { Envelope } from '#shared/contract/errors';
import { EVENT_CHANNEL, METHODS, isMethodName } from '#shared/contract/methods';
import { MAX_REQUEST_BYTES } from '#shared/contract/transport';
import { isTrustedSender, type SenderFrameLike } from './sender-guard';

export type InvokeEventLike = Pick<IpcMainInvokeEvent, never> & {
  senderFrame: SenderFrameLike | null;
  sender: { send(channel: string, message: unknown): void };
};

function byteLength(value: unknown): number {
  try {
    return new TextEncoder().encode(JSON.stringify(value ?? null)).length;
  } catch {
    return Number.POSITIVE_INFINITY; // cyclic or unserialisable: refuse
  }
}

export function createIpcHandler(dispatch: Dispatch) {
  return async (event: InvokeEventLike, method: unknown, input: unknown, session?: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event.senderFrame)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'IPC from an untrusted frame was refused.' } };
    }
    if (byteLength(input) > MAX_REQUEST_BYTES) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: `Request larger than ${MAX_REQUEST_BYTES} bytes.` } };
    }
    const envelope = await dispatch(method, input, typeof session === 'string' ? session : null);
    if (envelope.ok && isMethodName(method) && METHODS[method].writes) {
      event.sender.send(EVENT_CHANNEL, { event: 'data.changed', payload: { method } });
    }
    return envelope;
  };
}
