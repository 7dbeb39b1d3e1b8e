/** A day's signed notes sent to the chart's outbox in a background batch, one note at a time. */
import type { Handlers } from '#shared/contract/dispatcher';
import type { AuditLog } from '../audit';
import { createBatchRunner } from '../export/batch';
import { outboxExporter } from '../export/outbox';
import type { HandlerContext } from './support/context';

/** Each note of a batch records itself and its audit entry as one sent alone does (db/export/outbox.ts). */
export function exportHandlers(ctx: HandlerContext, audit: AuditLog): Pick<Handlers, 'export.startBatch' | 'export.batchStatus' | 'export.cancelBatch'> {
  const batches = createBatchRunner({
    exportOne: outboxExporter(ctx, audit), outboxExports: ctx.outboxExports, outboxFolder: () => ctx.settings.get().outboxFolder,
    audit, now: ctx.now, newId: ctx.newId, log: ctx.log,
  });
  return {
    'export.startBatch': (selection, { caller }) => batches.start(selection, caller),
    'export.batchStatus': ({ batchId }) => batches.status(batchId),
    'export.cancelBatch': ({ batchId }, { caller }) => batches.cancel(batchId, caller),
  };
}
