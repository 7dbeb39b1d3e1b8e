/**
 * Start-up care of the data folder and the key folder, before the database is
 * opened: both owner-only (an earlier version, or a loose umask, may have left
 * them readable by others), and whatever an unencrypted install left beside the
 * database protected (db/encrypt-existing.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { protectPlaintextLeftovers } from './encrypt-existing';
import type { DatabaseKey } from './keys/database-key';
import { ensureOwnerOnlyDir, tightenTree } from './owner-only-files';

/**
 * The data folder's own entries. In the desktop app the same folder holds
 * Chromium's profile, which Chromium keeps owner-only itself; only the app's
 * files are walked, so a large browser cache does not slow every start.
 */
const isAppEntry = (name: string): boolean => name.startsWith('proceduredesk') || name.startsWith('audit.') || name === 'backups' || name === 'quarantine';

export function prepareFolders(dataDir: string, keyDir: string, key: DatabaseKey, log?: (message: string) => void): void {
  ensureOwnerOnlyDir(dataDir);
  for (const name of fs.readdirSync(dataDir)) if (isAppEntry(name)) tightenTree(path.join(dataDir, name));
  ensureOwnerOnlyDir(keyDir);
  tightenTree(keyDir);
  protectPlaintextLeftovers(dataDir, key, log);
}
