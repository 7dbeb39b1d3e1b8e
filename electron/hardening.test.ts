// The Electron binary cannot run here: the window settings and guards are unit-
// tested with fakes (electron/guards.ts), and main.ts and preload.ts are checked
// to use exactly them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStatic } from '#db/serve/static-files';
import { tempDir } from '#db/testing/temp-core';
import { appProtocolHandler, guardContents, guardSession, windowOptions } from './guards';

const main = fs.readFileSync(path.join(__dirname, 'main.ts'), 'utf8');
const preload = fs.readFileSync(path.join(__dirname, 'preload.ts'), 'utf8');

describe('window factory settings', () => {
  it('isolate, sandbox, no Node in any frame or worker, web security on, no webview', () => {
    expect(windowOptions('/p/preload.cjs').webPreferences).toEqual({
      preload: '/p/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false, webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false, webviewTag: false,
    });
  });
});

describe('web contents and session guards (fakes)', () => {
  it('prevent navigation, redirects and webviews, and deny new windows', () => {
    const handlers = new Map<string, (e: { preventDefault(): void }) => void>();
    let openHandler: (() => { action: string }) | null = null;
    guardContents({
      on: ((event: string, fn: (e: { preventDefault(): void }) => void) => handlers.set(event, fn)) as never,
      setWindowOpenHandler: ((fn: () => { action: string }) => (openHandler = fn)) as never,
    });
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      let prevented = false;
      handlers.get(event)!({ preventDefault: () => (prevented = true) });
      expect(prevented, event).toBe(true);
    }
    expect(openHandler!()).toEqual({ action: 'deny' });
  });

  it('deny every permission request and check', () => {
    let request: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | null = null;
    let check: ((...args: unknown[]) => boolean) | null = null;
    guardSession({
      setPermissionRequestHandler: ((fn: typeof request) => (request = fn)) as never,
      setPermissionCheckHandler: ((fn: typeof check) => (check = fn)) as never,
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'midi', 'hid', 'serial', 'usb', 'openExternal']) {
      let granted: boolean | null = null;
      request!({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(check!({}, permission)).toBe(false);
    }
  });
});

describe('app:// protocol handler', () => {
  const root = tempDir('proceduredesk-bundle-');
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  const handler = appProtocolHandler((p) => resolveStatic(root, p), (file) => Promise.resolve(new Uint8Array(fs.readFileSync(file))));

  it('serves the bundle with the CSP, and only for app://bundle', async () => {
    const ok = await handler({ url: 'app://bundle/index.html' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const url of ['app://other/index.html', 'file:///etc/passwd', 'https://bundle/index.html', 'not a url']) {
      expect((await handler({ url })).status, url).not.toBe(200);
    }
  });
});

describe('main.ts and preload.ts use exactly these', () => {
  it('main applies the guards and loads app://, never file://', () => {
    for (const use of ['app.enableSandbox()', 'windowOptions(', 'guardContents(contents)', 'guardSession(session.defaultSession)', 'appProtocolHandler(', 'createIpcHandler(runtime.dispatch)']) {
      expect(main).toContain(use);
    }
    expect(main).toMatch(/loadURL\(`\$\{APP_ORIGIN\}\/index\.html`\)/);
    expect(main).not.toMatch(/loadFile|file:\/\/|bypassCSP|webSecurity: false|nodeIntegration: true/);
  });

  it('the preload exposes exactly invoke and on, once, and never ipcRenderer itself', () => {
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    const exposed = /exposeInMainWorld\('procedureDesk', \{([\s\S]*)\}\);/.exec(preload)?.[1] ?? '';
    expect([...exposed.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1])).toEqual(['invoke', 'on']);
    expect(exposed).not.toMatch(/:\s*ipcRenderer\b/);
    expect(exposed).toMatch(/listener\(message\.payload\)/);
  });
});
