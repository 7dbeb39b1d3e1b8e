/**
 * Electron main: one window, hardened; the app:// protocol serving the built
 * renderer; and the IPC adapter that checks the sender and hands each call to
 * the core's one dispatcher. Nothing else lives here.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, net, protocol, safeStorage, session } from 'electron';
import { readLaunchSettings, type LaunchSettings } from '#db/launch-settings';
import { startRuntime, type Runtime } from '#db/runtime';
import { resolveStatic } from '#db/serve/static-files';
import { IPC_CHANNEL } from '#shared/contract/methods';
import { appProtocolHandler, guardContents, guardSession, windowOptions } from './guards';
import { createIpcHandler } from './ipc-adapter';
import { safeStorageProtector } from './key-protector';
import { APP_ORIGIN } from './sender-guard';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

const rendererDir = path.join(__dirname, '..', 'renderer');
let runtime: Runtime | null = null;

/** The settings browser mode reads too, with userData as the data folder; a bad one stops the launch, said in a dialog. */
function launchSettings(): LaunchSettings | null {
  try {
    // The desktop app takes no flags of its own: its argv carries Electron's and Chromium's.
    return readLaunchSettings(process.env, [], { dataDir: app.getPath('userData') });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`ProcedureDesk could not start: ${message}`);
    dialog.showErrorBox('ProcedureDesk could not start', message);
    return null;
  }
}

// Read before ready: the data folder is Electron's userData, which also holds Chromium's profile,
// so PROCEDUREDESK_DATA_DIR moves both and a run on another folder shares nothing with the user's.
const settings = launchSettings();
if (settings) app.setPath('userData', settings.dataDir);

function createWindow(): void {
  const win = new BrowserWindow(windowOptions(path.join(__dirname, 'preload.cjs')));
  void win.loadURL(`${APP_ORIGIN}/index.html`);
}

app.on('web-contents-created', (_event, contents) => guardContents(contents));

void app.whenReady().then(() => {
  if (!settings) return app.exit(1);
  const log = (m: string) => console.error(`[core] ${m}`);
  // The keys are wrapped by the OS keystore where one really protects them (electron/key-protector.ts).
  const protector = safeStorageProtector(safeStorage, process.platform, log);
  try {
    runtime = startRuntime({
      dataDir: settings.dataDir, keyDir: settings.keyDir, log, backupEveryMs: settings.backupEveryMs,
      auditKeyProtector: protector, databaseKeyProtector: protector,
    });
  } catch (error) {
    // A database key that cannot be had (lost, or a keystore that no longer unlocks it): say why, change nothing.
    const message = error instanceof Error ? error.message : String(error);
    console.error(`ProcedureDesk could not start: ${message}`);
    dialog.showErrorBox('ProcedureDesk could not start', message);
    return app.exit(1);
  }

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
