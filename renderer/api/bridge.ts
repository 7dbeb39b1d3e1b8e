/**
 * Picks the transport once, at start-up: Electron's preload bridge when present,
 * otherwise HTTP to the loopback host that served this page.
 */
import type { Envelope } from '#shared/contract/errors';
import { SECRET_HEADER, SESSION_HEADER, type Bridge } from '#shared/contract/transport';

declare global {
  interface Window {
    procedureDesk?: Bridge;
  }
}

const SECRET_KEY = 'proceduredesk.secret';

/** The launch secret arrives in the URL fragment; keep it for reloads, then drop it from the address bar. */
function takeSecret(): string {
  const match = /(?:^#|&)secret=([0-9a-f]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(SECRET_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(SECRET_KEY) ?? '';
}

export function httpBridge(secret: string, baseUrl = ''): Bridge {
  return {
    async invoke(method, input, session) {
      try {
        const response = await fetch(`${baseUrl}/api/invoke`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret, ...(session ? { [SESSION_HEADER]: session } : {}) },
          body: JSON.stringify({ method, input }),
        });
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return { ok: false, error: { code: 'STORAGE_FAILED', message: 'ProcedureDesk is not running (the local host did not answer). Nothing was saved.' } };
      }
    },
    on(event, listener) {
      const source = new EventSource(`${baseUrl}/api/events?secret=${encodeURIComponent(secret)}`);
      source.onmessage = (message: MessageEvent<string>) => {
        const data = JSON.parse(message.data) as { event: string; payload: unknown };
        if (data.event === event) listener(data.payload as never);
      };
      return () => source.close();
    },
  };
}

export function pickBridge(): { bridge: Bridge; kind: 'ipc' | 'http' } {
  if (window.procedureDesk) return { bridge: window.procedureDesk, kind: 'ipc' };
  return { bridge: httpBridge(takeSecret()), kind: 'http' };
}
