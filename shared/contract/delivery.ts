/**
 * Delivery of exported notes to the chart (issue 19, point 5): each exported document is queued
 * once per channel (a drop folder, HL7 v2 over MLLP, FHIR R4 REST) and a worker in the Node
 * runtime sends it, retrying with backoff. The outbox screen shows each note's status.
 */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';
import { CHART, method, onEncounter } from './method-spec';

export const DELIVERY_CHANNELS = ['folder', 'mllp', 'fhir'] as const;
export const DeliveryChannelSchema = z.enum(DELIVERY_CHANNELS);
export type DeliveryChannelName = z.infer<typeof DeliveryChannelSchema>;

/**
 * queued: waiting (first try, or a retry after `nextAttemptAt`); sending: an attempt is under way
 * (or was cut short by a crash, and is retried); delivered: the receiver took it (a folder write,
 * or an MLLP commit accept, CA); acknowledged: the receiver's application accepted it (MSA-1 AA);
 * failed: the receiver refused it and retrying the same message would not help (AE, CR).
 */
export const DELIVERY_STATES = ['queued', 'sending', 'delivered', 'acknowledged', 'failed'] as const;
export const DeliveryStateSchema = z.enum(DELIVERY_STATES);
export type DeliveryState = z.infer<typeof DeliveryStateSchema>;

export const DeliverySchema = z.object({
  id: IdSchema,
  documentId: IdSchema,
  channel: DeliveryChannelSchema,
  encounterId: IdSchema,
  state: DeliveryStateSchema,
  attempts: z.number().int().min(0),
  nextAttemptAt: TimestampSchema.nullable(),
  lastAttemptAt: TimestampSchema.nullable(),
  /** The receiver's last words (MSA-1, MSA-3 and ERR), or why it could not be reached. */
  receiverSaid: z.string().nullable(),
  queuedAt: TimestampSchema,
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const ListDeliveriesInputSchema = z.strictObject({ encounterId: IdSchema });
export const RetryDeliveryInputSchema = z.strictObject({ encounterId: IdSchema, deliveryId: IdSchema });

export const DELIVERY_METHODS = {
  'delivery.list': method({
    summary: "An encounter's deliveries to the chart, one per exported document and channel, with each one's state and the receiver's last words.",
    writes: false,
    access: CHART,
    audit: { entry: 'with-change', describe: onEncounter((i) => `encounter:${String(i.encounterId)}/deliveries`) },
    input: ListDeliveriesInputSchema,
    output: z.array(DeliverySchema),
  }),
  'delivery.retry': method({
    summary: 'Send a queued or failed delivery again now (the same message, so the receiver can tell it is a repeat); an acknowledged one is never sent again.',
    writes: true,
    access: CHART,
    audit: { entry: 'with-change', describe: onEncounter((i) => `encounter:${String(i.encounterId)}/delivery:${String(i.deliveryId)}/retry`) },
    input: RetryDeliveryInputSchema,
    output: DeliverySchema,
  }),
} as const;
