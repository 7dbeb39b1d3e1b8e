/**
 * The window's settings and the guards on every web contents and session, as
 * plain functions over the few Electron methods they use, so they are unit-
 * tested with fakes (no Electron binary needed). main.ts applies them.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '#shared/contract/content-security';

export function windowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 860,
    title: 'ProcedureDesk',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    },
  };
}

type ContentsLike = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

/** No navigation away from the app, no redirects, no webviews, no new windows. */
export function guardContents(contents: ContentsLike): void {
  const deny = (event: { preventDefault(): void }) => event.preventDefault();
  contents.on('will-navigate', deny);
  contents.on('will-redirect', deny);
  contents.on('will-attach-webview', deny);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Electron grants every permission by default; the app needs none. */
export function guardSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Serves the built renderer for app://bundle/… only, through the shared path guard, with the CSP. */
export function appProtocolHandler(
  resolve: (urlPath: string) => { file: string; type: string } | null,
  read: (file: string) => Promise<ArrayBuffer | Uint8Array<ArrayBuffer>>,
): (request: { url: string }) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response('Bad request', { status: 400 });
    }
    const found = url.protocol === 'app:' && url.host === 'bundle' ? resolve(url.pathname) : null;
    if (!found) return new Response('Not found', { status: 404 });
    return new Response(await read(found.file), {
      headers: { 'content-type': found.type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
    });
  };
}
