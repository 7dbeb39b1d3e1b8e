/** Sending notes to the chart's outbox folder, one at a time or a day in a batch. */
import type { Handlers } from '#shared/contract/dispatcher';
import type { AuditLog } from '../audit';
import { createBatchRunner } from '../export/batch';
import { outboxExporter } from '../export/outbox';
import type { HandlerContext } from './context';
import { requireEncounter } from './lookups';

type OutboxMethods = 'note.exportToOutbox' | 'note.outboxExports' | 'export.startBatch' | 'export.batchStatus' | 'export.cancelBatch';

/** Each export records itself and its audit entry (db/export/outbox.ts), whether one at a time or in a batch. */
export function outboxHandlers(ctx: HandlerContext, audit: AuditLog): Pick<Handlers, OutboxMethods> {
  const exportOne = outboxExporter(ctx, audit);
  const batches = createBatchRunner({
    exportOne, outboxExports: ctx.outboxExports, outboxFolder: () => ctx.settings.get().outboxFolder,
    audit, now: ctx.now, newId: ctx.newId, log: ctx.log,
  });
  return {
    'note.exportToOutbox': ({ encounterId }, { caller }) => exportOne(encounterId, caller, null),
    'note.outboxExports': ({ encounterId }) => {
      requireEncounter(ctx, encounterId);
      return ctx.outboxExports.list(encounterId);
    },
    'export.startBatch': (selection, { caller }) => batches.start(selection, caller),
    'export.batchStatus': ({ batchId }) => batches.status(batchId),
    'export.cancelBatch': ({ batchId }, { caller }) => batches.cancel(batchId, caller),
  };
}
