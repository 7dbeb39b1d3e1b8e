/** Deliveries of exported notes to the chart: each note's status for the outbox screen, and sending one again now. */
import type { Handlers } from '#shared/contract/dispatcher';
import { CommandError } from '#shared/contract/errors';
import type { DeliveryWorker } from '../delivery/worker';
import { publicView } from '../repositories/delivery-queue';
import type { HandlerContext } from './support/context';
import { requireEncounter } from './support/lookups';

export function deliveryHandlers(ctx: HandlerContext, worker: Pick<DeliveryWorker, 'kick'>): Pick<Handlers, 'delivery.list' | 'delivery.retry'> {
  return {
    'delivery.list': ({ encounterId }) => {
      requireEncounter(ctx, encounterId);
      return ctx.deliveryQueue.forEncounter(encounterId).map(publicView);
    },
    'delivery.retry': ({ encounterId, deliveryId }) => {
      const item = ctx.deliveryQueue.get(deliveryId);
      if (!item || item.encounterId !== encounterId) throw new CommandError('NOT_FOUND', 'No such delivery for this encounter.');
      if (item.state === 'acknowledged' || item.state === 'delivered') {
        throw new CommandError('CONFLICT', `This document was already ${item.state}; it is not sent again.`);
      }
      if (item.state !== 'sending' && !ctx.deliveryQueue.retryNow(deliveryId, ctx.now())) {
        throw new CommandError('CONFLICT', 'This delivery changed meanwhile; look again.');
      }
      // After the answer: the attempt runs in the background and the screen reads its outcome.
      setImmediate(() => void worker.kick());
      return publicView(ctx.deliveryQueue.get(deliveryId)!);
    },
  };
}
