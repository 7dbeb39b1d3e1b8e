/**
 * Where the data lives. Browser mode uses the same folder Electron uses for
 * userData, so both modes open one database. PROCEDUREDESK_DATA_DIR overrides
 * it (read with the other launch settings, db/launch-settings.ts).
 */
import os from 'node:os';
import path from 'node:path';

export const DATABASE_FILE = 'proceduredesk.sqlite';
export const APP_FOLDER = 'ProcedureDesk';

/** Electron's userData for this app, computed without Electron (APPDATA and XDG_CONFIG_HOME as the platform sets them). */
export function perUserDataDir(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
}
