/**
 * Batch export to the outbox in the background: a day's signed notes (or the
 * named encounters), one at a time, yielding to the event loop between notes
 * so every other call (a nurse checking an item) is served meanwhile. Nothing
 * accumulates per note, so memory stays flat however long the list. Progress
 * is read by polling; cancelling stops before the next note (notes already
 * exported stay exported, each with its own record). Jobs live in memory: a
 * restart ends a batch, and its exported notes are in the export record.
 */
import type { Caller } from '#shared/contract/dispatcher';
import { CommandError } from '#shared/contract/errors';
import type { BatchStatus } from '#shared/contract/export';
import type { AuditLog } from '../audit';
import type { OutboxExportRepository } from '../repositories/outbox-exports';
import type { ExportOne } from './outbox';

interface Job {
  status: BatchStatus;
  queue: string[];
  cancelRequested: boolean;
}

const KEEP_FINISHED = 20;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createBatchRunner(deps: {
  exportOne: ExportOne;
  outboxExports: OutboxExportRepository;
  outboxFolder: () => string | null;
  audit: AuditLog;
  now: () => string;
  newId: () => string;
  log: (message: string) => void;
}) {
  const jobs = new Map<string, Job>();
  const snapshot = (job: Job): BatchStatus => ({ ...job.status, problems: [...job.status.problems] });

  function forget(): void {
    const finished = [...jobs.values()].filter((j) => j.status.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(job.status.batchId);
  }

  async function run(job: Job, caller: Caller): Promise<void> {
    for (const encounterId of job.queue) {
      if (job.cancelRequested) break;
      try {
        await deps.exportOne(encounterId, caller, job.status.batchId);
        job.status.exported += 1;
      } catch (error) {
        job.status.failed += 1;
        const reason = error instanceof Error ? error.message : String(error);
        job.status.problems.push({ encounterId, reason });
        // The outbox itself failing (folder gone, disk full) fails every note after it: stop.
        if (error instanceof CommandError && (error.code === 'UNAVAILABLE' || error.code === 'STORAGE_FAILED')) {
          job.status.state = 'failed';
          break;
        }
      }
      await yieldToEventLoop();
    }
    if (job.status.state === 'running') job.status.state = job.cancelRequested ? 'cancelled' : 'done';
    job.status.finishedAt = deps.now();
    deps.audit.append({
      at: job.status.finishedAt, user: caller.actor, patientId: null, action: 'export.batchFinished',
      target: `batch:${job.status.batchId}/${job.status.state}/exported:${job.status.exported}/failed:${job.status.failed}`,
    });
  }

  return {
    start(selection: { plannedDate: string } | { encounterIds: string[] }, caller: Caller): BatchStatus {
      const folder = deps.outboxFolder();
      if (!folder) throw new CommandError('CONFLICT', 'No outbox folder is set. An administrator sets it under Users & settings.');
      const candidates = 'plannedDate' in selection ? deps.outboxExports.plannedOn(selection.plannedDate) : deps.outboxExports.among(selection.encounterIds);
      if ('encounterIds' in selection) {
        const found = new Set(candidates.map((c) => c.id));
        const missing = selection.encounterIds.filter((id) => !found.has(id));
        if (missing.length) throw new CommandError('NOT_FOUND', `No encounter with id ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? '…' : ''}.`);
      }
      const batchId = deps.newId();
      const job: Job = {
        // A note already in the outbox with every addendum is not sent again: it would only repeat the same document.
        queue: [...new Set(candidates.filter((c) => c.signed && !c.sentUnchanged).map((c) => c.id))],
        cancelRequested: false,
        status: {
          batchId, state: 'running', total: 0, exported: 0, failed: 0,
          alreadySent: new Set(candidates.filter((c) => c.signed && c.sentUnchanged).map((c) => c.id)).size,
          problems: candidates.filter((c) => !c.signed).map((c) => ({ encounterId: c.id, reason: 'The note is not signed; it was left out.' })),
          startedAt: deps.now(), finishedAt: null, startedBy: caller.actor, folder,
        },
      };
      job.status.total = job.queue.length;
      jobs.set(batchId, job);
      forget();
      deps.audit.append({
        at: job.status.startedAt, user: caller.actor, patientId: null, action: 'export.startBatch',
        target: `batch:${batchId}/${'plannedDate' in selection ? `date:${selection.plannedDate}` : `encounters:${selection.encounterIds.length}`}/notes:${job.queue.length}/already-sent:${job.status.alreadySent}`,
      });
      // In the background: the call returns now and the screen polls the status.
      void run(job, caller).catch((error: unknown) => {
        job.status.state = 'failed';
        job.status.finishedAt = deps.now();
        deps.log(`batch ${batchId} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      });
      return snapshot(job);
    },
    status(batchId: string): BatchStatus {
      const job = jobs.get(batchId);
      if (!job) throw new CommandError('NOT_FOUND', `No batch export ${batchId} (batches are kept until the app restarts).`);
      return snapshot(job);
    },
    cancel(batchId: string, caller: Caller): BatchStatus {
      const job = jobs.get(batchId);
      if (!job) throw new CommandError('NOT_FOUND', `No batch export ${batchId}.`);
      if (job.status.state === 'running' && !job.cancelRequested) {
        job.cancelRequested = true;
        deps.audit.append({ at: deps.now(), user: caller.actor, patientId: null, action: 'export.cancelBatch', target: `batch:${batchId}` });
      }
      return snapshot(job);
    },
  };
}
export type BatchRunner = ReturnType<typeof createBatchRunner>;
