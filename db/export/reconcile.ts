/**
 * Start-up reconciliation of the outbox (issue 16, point 7). An export is
 * recorded before its files become visible (outbox.ts), so after a crash the
 * outbox may hold hidden `.partial` files, which carry PHI:
 * - those of a recorded export are the files the record promises: each whose
 *   bytes hash to the recorded SHA-256 is renamed into place (the export is
 *   finished, as the record and its audit entry already say);
 * - any other (an export never recorded, or bytes that do not match) is removed.
 * A folder that cannot be read now (a share not mounted) is left for the next start.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SYSTEM_ACTOR, type AuditLog } from '../audit';
import type { OutboxExportRepository } from '../repositories/outbox-exports';
import { parsePartialName, syncFolder } from './atomic-write';

export interface OutboxReconciliation {
  finished: string[];
  removed: string[];
  unreadable: string[];
}

function sha256Of(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Reconciles one folder: what was finished and what was removed, by file name. */
function reconcileFolder(folder: string, outboxExports: OutboxExportRepository, result: OutboxReconciliation, log: (message: string) => void): void {
  let changed = false;
  for (const entry of fs.readdirSync(folder)) {
    const partial = parsePartialName(entry);
    if (!partial) continue;
    const from = path.join(folder, entry);
    const recorded = outboxExports.byDocumentId(partial.uniqueId)?.files.find((f) => f.file === partial.name);
    const final = path.join(folder, partial.name);
    if (recorded && recorded.sha256 === sha256Of(from) && !fs.existsSync(final)) {
      fs.renameSync(from, final);
      result.finished.push(path.join(folder, partial.name));
    } else {
      if (recorded) log(`outbox: ${entry} does not match the export recorded for it; removed, and ${partial.name} was never put in place`);
      fs.rmSync(from, { force: true });
      result.removed.push(from);
    }
    changed = true;
  }
  if (changed) syncFolder(folder);
}

/** Every folder an export was recorded in, and the one set now. */
export function reconcileOutbox(deps: {
  outboxExports: OutboxExportRepository;
  currentFolder: string | null;
  audit: AuditLog;
  now: () => string;
  log: (message: string) => void;
}): OutboxReconciliation {
  const result: OutboxReconciliation = { finished: [], removed: [], unreadable: [] };
  const folders = new Set([...deps.outboxExports.folders(), ...(deps.currentFolder ? [deps.currentFolder] : [])]);
  for (const folder of folders) {
    try {
      reconcileFolder(folder, deps.outboxExports, result, deps.log);
    } catch (error) {
      result.unreadable.push(folder);
      deps.log(`outbox ${folder} could not be reconciled now (${error instanceof Error ? error.message : String(error)}); it is tried again at the next start`);
    }
  }
  if (result.finished.length || result.removed.length) {
    deps.log(`outbox reconciled at start-up: ${result.finished.length} file(s) of recorded exports put in place, ${result.removed.length} unrecorded partial file(s) removed`);
    deps.audit.append({
      at: deps.now(), user: SYSTEM_ACTOR, patientId: null, action: 'export.reconciled',
      target: `finished:${result.finished.length}/removed:${result.removed.length}`,
    });
  }
  return result;
}
