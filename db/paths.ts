/**
 * Where the data lives. Browser mode uses the same folder Electron uses for
 * userData, so both modes open one database. PROCEDUREDESK_DATA_DIR overrides.
 */
import os from 'node:os';
import path from 'node:path';

export const DATABASE_FILE = 'proceduredesk.sqlite';
export const APP_FOLDER = 'ProcedureDesk';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PROCEDUREDESK_DATA_DIR) return path.resolve(env.PROCEDUREDESK_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
}
