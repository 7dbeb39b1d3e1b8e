/**
 * The delivery queue (migration 020): one row per (document, channel). Enqueuing
 * the same document on the same channel again adds nothing (the UNIQUE key), and
 * says so. The worker claims due rows, and records each attempt's outcome.
 */
import type { Delivery, DeliveryChannelName, DeliveryState } from '#shared/contract/delivery';
import type { Db } from '../connection';

interface Row {
  id: string;
  document_id: string;
  channel: DeliveryChannelName;
  encounter_id: string;
  patient_id: string;
  payload: string;
  message_control_id: string;
  file_name: string;
  state: DeliveryState;
  attempts: number;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  receiver_said: string | null;
  queued_at: string;
}

/** A row as the worker sends it: the public view plus what goes on the wire. */
export interface QueuedDelivery extends Delivery {
  patientId: string;
  payload: string;
  messageControlId: string;
  fileName: string;
}

const toQueued = (r: Row): QueuedDelivery => ({
  id: r.id, documentId: r.document_id, channel: r.channel, encounterId: r.encounter_id, state: r.state,
  attempts: r.attempts, nextAttemptAt: r.next_attempt_at, lastAttemptAt: r.last_attempt_at, receiverSaid: r.receiver_said,
  queuedAt: r.queued_at, patientId: r.patient_id, payload: r.payload, messageControlId: r.message_control_id, fileName: r.file_name,
});

/** Without the payload: what the screen is shown. */
export const publicView = ({ patientId: _p, payload: _m, messageControlId: _c, fileName: _f, ...view }: QueuedDelivery): Delivery => view;

export interface NewDelivery {
  id: string;
  documentId: string;
  channel: DeliveryChannelName;
  encounterId: string;
  patientId: string;
  payload: string;
  messageControlId: string;
  fileName: string;
  at: string;
  byName: string;
}

/** What an attempt ended in, as the queue stores it. */
export interface AttemptRecord {
  state: Exclude<DeliveryState, 'sending'>;
  receiverSaid: string;
  nextAttemptAt: string | null;
  at: string;
}

export function createDeliveryQueueRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO delivery_queue (id, document_id, channel, encounter_id, patient_id, payload, message_control_id, file_name, state, next_attempt_at, queued_at, queued_by_name)
     VALUES (@id, @documentId, @channel, @encounterId, @patientId, @payload, @messageControlId, @fileName, 'queued', @at, @at, @byName)
     ON CONFLICT (document_id, channel) DO NOTHING`,
  );
  const byId = db.prepare<[string], Row>('SELECT * FROM delivery_queue WHERE id = ?');
  const queuedOn = db.prepare<[string, string], number>('SELECT 1 FROM delivery_queue WHERE document_id = ? AND channel = ?').pluck();
  const byEncounter = db.prepare<[string], Row>('SELECT * FROM delivery_queue WHERE encounter_id = ? ORDER BY queued_at, channel');
  // A row left 'sending' by a crash is due again: the receiver may or may not have it (at-least-once).
  // Only the channels set up now: rows of a channel turned off stay queued and must not fill the batch.
  const due = db.prepare<{ now: string; limit: number; channels: string }, Row>(
    `SELECT * FROM delivery_queue WHERE ((state = 'queued' AND next_attempt_at <= @now) OR state = 'sending')
       AND channel IN (SELECT value FROM json_each(@channels))
     ORDER BY queued_at, channel LIMIT @limit`,
  );
  const claim = db.prepare("UPDATE delivery_queue SET state = 'sending', attempts = attempts + 1, last_attempt_at = ? WHERE id = ? AND state IN ('queued', 'sending')");
  const settle = db.prepare('UPDATE delivery_queue SET state = ?, receiver_said = ?, next_attempt_at = ? WHERE id = ? AND state = \'sending\'');
  const requeue = db.prepare("UPDATE delivery_queue SET state = 'queued', next_attempt_at = ? WHERE id = ? AND state IN ('queued', 'failed')");

  return {
    /** Queues a document on a channel; false when it is already queued there (nothing added). */
    enqueue(row: NewDelivery): boolean {
      return insert.run(row).changes === 1;
    },
    has(documentId: string, channel: DeliveryChannelName): boolean {
      return queuedOn.get(documentId, channel) !== undefined;
    },
    get(id: string): QueuedDelivery | undefined {
      const row = byId.get(id);
      return row && toQueued(row);
    },
    forEncounter(encounterId: string): QueuedDelivery[] {
      return byEncounter.all(encounterId).map(toQueued);
    },
    due(now: string, limit: number, channels: readonly DeliveryChannelName[]): QueuedDelivery[] {
      return due.all({ now, limit, channels: JSON.stringify(channels) }).map(toQueued);
    },
    /** Marks an attempt under way (durable before anything is sent); false if another took it. */
    claim(id: string, at: string): boolean {
      return claim.run(at, id).changes === 1;
    },
    settle(id: string, outcome: AttemptRecord): void {
      settle.run(outcome.state, outcome.receiverSaid, outcome.nextAttemptAt, id);
    },
    /** Due now: a queued one waiting for its backoff, or a failed one. False for one in flight or done. */
    retryNow(id: string, at: string): boolean {
      return requeue.run(at, id).changes === 1;
    },
  };
}
export type DeliveryQueueRepository = ReturnType<typeof createDeliveryQueueRepository>;
