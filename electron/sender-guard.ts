/**
 * Decides whether an IPC message may reach the dispatcher: it must come from the
 * main frame of our own app:// origin. Kept free of runtime Electron imports so
 * it is unit-tested under plain Node.
 */
export const APP_ORIGIN = 'app://bundle';

export interface SenderFrameLike {
  url: string;
  parent: unknown;
}

export function isTrustedSender(frame: SenderFrameLike | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  return url.protocol === 'app:' && url.host === 'bundle' && url.username === '' && url.password === '' && url.port === '';
}
