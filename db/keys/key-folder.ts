/**
 * The key folder: where the app keeps keys that must not travel with the data
 * folder (the database key, the audit seal and its counter). A copy of the data
 * folder (a backup on a share, a stolen disk image of one folder) then holds no
 * usable key. In the desktop app the keys in it are also wrapped by the OS
 * keystore; in browser mode they are owner-only files, and the app says so.
 *   PROCEDUREDESK_KEY_DIR  overrides it; else, when PROCEDUREDESK_DATA_DIR is set,
 *   "<data folder>.keys" beside it (tests and portable installs); else the
 *   per-user key folder below.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_FOLDER } from '../paths';

type Env = Readonly<Record<string, string | undefined>>;

/** The per-user key folder: local (not roaming) application state, apart from the data folder. */
export function perUserKeyDir(env: Env, platform: NodeJS.Platform, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), APP_FOLDER, 'Keys');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', `${APP_FOLDER} Keys`);
  return path.join(env.XDG_STATE_HOME ?? path.join(home, '.local', 'state'), APP_FOLDER, 'keys');
}

export class KeyFolderError extends Error {
  override name = 'KeyFolderError';
}

/** The key folder for a data folder; refuses one inside the data folder (it would travel with it). */
export function resolveKeyDir(env: Env, dataDir: string, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  const keyDir = env.PROCEDUREDESK_KEY_DIR
    ? path.resolve(env.PROCEDUREDESK_KEY_DIR)
    : env.PROCEDUREDESK_DATA_DIR
      ? `${path.resolve(dataDir)}.keys`
      : perUserKeyDir(env, platform, home);
  const inside = path.relative(path.resolve(dataDir), keyDir);
  if (inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside))) {
    throw new KeyFolderError(`PROCEDUREDESK_KEY_DIR must be outside the data folder (${dataDir}); got ${keyDir}.`);
  }
  return keyDir;
}

/** Creates the key folder owner-only (0700) and tightens it if it already exists. */
export function ensureKeyDir(keyDir: string): string {
  fs.mkdirSync(keyDir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') fs.chmodSync(keyDir, 0o700);
  return keyDir;
}
