/**
 * Electron main: one window, hardened; the app:// protocol serving the built
 * renderer; and the IPC adapter that checks the sender and hands each call to
 * the core's one dispatcher. Nothing else lives here.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, net, protocol, session } from 'electron';
import { startRuntime, type Runtime } from '#db/runtime';
import { seedDemo } from '#db/demo';
import { resolveStatic } from '#db/serve/static-files';
import { CONTENT_SECURITY_POLICY } from '#shared/contract/content-security';
import { IPC_CHANNEL } from '#shared/contract/methods';
import { createIpcHandler } from './ipc-adapter';
import { APP_ORIGIN } from './sender-guard';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

const rendererDir = path.join(__dirname, '..', 'renderer');
let runtime: Runtime | null = null;

function localDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    title: 'ProcedureDesk',
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

void app.whenReady().then(async () => {
  const dataDir = process.env.PROCEDUREDESK_DATA_DIR ?? app.getPath('userData');
  runtime = startRuntime({ dataDir, log: (m) => console.error(`[core] ${m}`), backupEveryMs: 30 * 60_000 });
  const core = runtime.core();
  if (core && process.argv.includes('--demo')) await seedDemo(core.dispatch, core.db, localDate());

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);

  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const found = url.host === 'bundle' ? resolveStatic(rendererDir, url.pathname) : null;
    if (!found) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(found.file).toString());
    return new Response(response.body, {
      headers: { 'content-type': found.type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
    });
  });

  ipcMain.handle(IPC_CHANNEL, createIpcHandler(runtime.dispatch));

  createWindow();
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => runtime?.close());
