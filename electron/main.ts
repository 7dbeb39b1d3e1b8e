/**
 * Electron main: one window, hardened; the app:// protocol serving the built
 * renderer; and the IPC adapter that checks the sender and hands each call to
 * the core's one dispatcher. Nothing else lives here.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, net, protocol, safeStorage, session } from 'electron';
import { startRuntime, type Runtime } from '#db/runtime';
import { resolveStatic } from '#db/serve/static-files';
import { IPC_CHANNEL } from '#shared/contract/methods';
import { appProtocolHandler, guardContents, guardSession, windowOptions } from './guards';
import { createIpcHandler } from './ipc-adapter';
import { safeStorageProtector } from './key-protector';
import { APP_ORIGIN } from './sender-guard';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();
// The data folder is Electron's userData, which also holds Chromium's profile (the window's local
// storage). PROCEDUREDESK_DATA_DIR moves both, as the default folder keeps both: a run on another
// folder (the e2e smoke test's temporary one) shares nothing with the user's. Only before ready.
if (process.env.PROCEDUREDESK_DATA_DIR) app.setPath('userData', path.resolve(process.env.PROCEDUREDESK_DATA_DIR));

const rendererDir = path.join(__dirname, '..', 'renderer');
let runtime: Runtime | null = null;


function createWindow(): void {
  const win = new BrowserWindow(windowOptions(path.join(__dirname, 'preload.cjs')));
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('web-contents-created', (_event, contents) => guardContents(contents));

void app.whenReady().then(() => {
  const dataDir = app.getPath('userData');
  const log = (m: string) => console.error(`[core] ${m}`);
  // The audit key is wrapped by the OS keystore where one really protects it (electron/key-protector.ts).
  const auditKeyProtector = safeStorageProtector(safeStorage, process.platform, log);
  runtime = startRuntime({ dataDir, log, backupEveryMs: 30 * 60_000, auditKeyProtector });

  guardSession(session.defaultSession);
  protocol.handle(
    'app',
    appProtocolHandler(
      (urlPath) => resolveStatic(rendererDir, urlPath),
      async (file) => (await net.fetch(pathToFileURL(file).toString())).arrayBuffer(),
    ),
  );

  ipcMain.handle(IPC_CHANNEL, createIpcHandler(runtime.dispatch));

  createWindow();
});

app.on('window-all-closed', () => app.quit());
// Quitting waits for a backup in progress to stop and the database to close cleanly.
app.on('will-quit', (event) => {
  const closing = runtime;
  if (!closing) return;
  runtime = null;
  event.preventDefault();
  void closing.close().finally(() => app.quit());
});
