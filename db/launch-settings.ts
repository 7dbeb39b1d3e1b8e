/**
 * The launch settings, read in this one place by both shells (electron/main.ts
 * and db/host/main.ts) so they cannot drift apart. A bad value is refused with
 * one line naming the variable or flag, never turned into NaN or a default.
 *   PROCEDUREDESK_DATA_DIR        the data folder (else the shell's per-user folder)
 *   PROCEDUREDESK_KEY_DIR         the key folder, outside the data folder (db/keys/key-folder.ts)
 *   PROCEDUREDESK_BACKUP_MINUTES  minutes between scheduled backups (else 30)
 *   --port N, --static DIR        the loopback host's port and renderer folder
 * An empty variable counts as unset, as the host always treated it.
 */
import path from 'node:path';
import { resolveKeyDir } from './keys/key-folder';

export const DEFAULT_BACKUP_MINUTES = 30;
/** A week. setInterval cannot wait past about 24.8 days: longer, and it fires every millisecond. */
export const MAX_BACKUP_MINUTES = 7 * 24 * 60;

export interface LaunchDefaults {
  /** The folder used when PROCEDUREDESK_DATA_DIR is unset: Electron's userData, or perUserDataDir() in browser mode. */
  dataDir: string;
}

export interface LaunchSettings {
  dataDir: string;
  /** Keys that must not travel with the data folder (db/keys/key-folder.ts). */
  keyDir: string;
  backupEveryMs: number;
  /** --port: where the loopback host listens (absent: a free port). */
  port?: number;
  /** --static: the folder the loopback host serves (absent: the built renderer beside it). */
  staticDir?: string;
}

export class LaunchSettingsError extends Error {
  override name = 'LaunchSettingsError';
}

type Env = Readonly<Record<string, string | undefined>>;

/** The value as the message shows it: quoted, on one line, not too long. */
const shown = (value: string): string => JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

function wholeNumber(value: string, name: string, min: number, max: number, what: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) throw new LaunchSettingsError(`${name} must be ${what} from ${min} to ${max}; got ${shown(value)}.`);
  return n;
}

function readFlags(argv: readonly string[]): Pick<LaunchSettings, 'port' | 'staticDir'> {
  const flags: Pick<LaunchSettings, 'port' | 'staticDir'> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    if (flag !== '--port' && flag !== '--static') {
      throw new LaunchSettingsError(`Unknown argument ${shown(flag)}: the options are --port N and --static DIR.`);
    }
    const value = argv[i + 1];
    if (value === undefined || value === '' || value.startsWith('--')) throw new LaunchSettingsError(`${flag} needs a value.`);
    i += 1;
    if (flag === '--port') flags.port = wholeNumber(value, '--port', 0, 65535, 'a port number');
    else flags.staticDir = path.resolve(value);
  }
  return flags;
}

/** env: the process environment; argv: the arguments after the script (Electron passes none: its argv is Chromium's). */
export function readLaunchSettings(env: Env, argv: readonly string[], defaults: LaunchDefaults): LaunchSettings {
  const dataDir = env.PROCEDUREDESK_DATA_DIR ? path.resolve(env.PROCEDUREDESK_DATA_DIR) : defaults.dataDir;
  const minutes = env.PROCEDUREDESK_BACKUP_MINUTES
    ? wholeNumber(env.PROCEDUREDESK_BACKUP_MINUTES, 'PROCEDUREDESK_BACKUP_MINUTES', 1, MAX_BACKUP_MINUTES, 'a whole number of minutes')
    : DEFAULT_BACKUP_MINUTES;
  let keyDir: string;
  try {
    keyDir = resolveKeyDir(env, dataDir);
  } catch (error) {
    throw new LaunchSettingsError((error as Error).message);
  }
  return { dataDir, keyDir, backupEveryMs: minutes * 60_000, ...readFlags(argv) };
}
