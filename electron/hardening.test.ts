// The Electron binary cannot run here, so the window's security settings and the
// preload's surface are checked in the source the bundle is built from.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const main = fs.readFileSync(path.join(__dirname, 'main.ts'), 'utf8');
const preload = fs.readFileSync(path.join(__dirname, 'preload.ts'), 'utf8');

describe('Electron hardening (source checks)', () => {
  it('the window isolates the page, sandboxes it, gives it no Node, and loads app://', () => {
    expect(main).toMatch(/contextIsolation: true/);
    expect(main).toMatch(/sandbox: true/);
    expect(main).toMatch(/nodeIntegration: false/);
    expect(main).toMatch(/webviewTag: false/);
    expect(main).not.toMatch(/webSecurity: false|allowRunningInsecureContent|experimentalFeatures|enableBlinkFeatures/);
    expect(main).toMatch(/loadURL\(`\$\{APP_ORIGIN\}\/index\.html`\)/);
    expect(main).not.toMatch(/loadFile|file:\/\//);
    expect(main).toMatch(/app\.enableSandbox\(\)/);
  });

  it('denies navigation, new windows, webviews and permission requests, and serves a CSP', () => {
    for (const guard of ["'will-navigate'", "'will-redirect'", "'will-attach-webview'", "setWindowOpenHandler(() => ({ action: 'deny' }))",
      'setPermissionRequestHandler', 'setPermissionCheckHandler', "'content-security-policy': CONTENT_SECURITY_POLICY"]) {
      expect(main).toContain(guard);
    }
    expect(main).not.toMatch(/bypassCSP/);
  });

  it('the preload exposes exactly invoke and on, once, and never ipcRenderer itself', () => {
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    const exposed = /exposeInMainWorld\('procedureDesk', \{([\s\S]*)\}\);/.exec(preload)?.[1] ?? '';
    const keys = [...exposed.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]);
    expect(keys).toEqual(['invoke', 'on']);
    expect(exposed).not.toMatch(/:\s*ipcRenderer\b/);
    // Listeners get the payload only, never the IpcRendererEvent.
    expect(exposed).toMatch(/listener\(message\.payload\)/);
  });
});
