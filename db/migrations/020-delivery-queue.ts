/**
 * 020: the delivery queue (issue 19, point 5). One row per (document, channel):
 * the message as it is sent (never changes), its state, how many attempts, when
 * the next is due and what the receiver last said. A document is enqueued once
 * per channel (UNIQUE), so a resend of the same document enqueues nothing. Rows
 * are updated in place as attempts happen; each attempt is in the audit trail.
 */
import type { Migration } from './types';

export const migration020: Migration = {
  version: 20,
  name: 'delivery-queue',
  up: `
    CREATE TABLE delivery_queue (
      id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL REFERENCES outbox_exports (document_id),
      channel TEXT NOT NULL CHECK (channel IN ('folder', 'mllp', 'fhir')),
      encounter_id TEXT NOT NULL REFERENCES encounters (id),
      patient_id TEXT NOT NULL REFERENCES patients (id),
      -- The payload exactly as sent (an HL7 message for mllp and folder); MSH-10 beside it for the ACK.
      payload TEXT NOT NULL CHECK (length(payload) > 0),
      message_control_id TEXT NOT NULL,
      -- What the file is called in a drop folder (sorts in enqueue order).
      file_name TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'delivered', 'acknowledged', 'failed')),
      attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      next_attempt_at TEXT,
      last_attempt_at TEXT,
      -- The receiver's last words (MSA-1, MSA-3, ERR), or why it could not be reached.
      receiver_said TEXT,
      queued_at TEXT NOT NULL,
      queued_by_name TEXT NOT NULL,
      UNIQUE (document_id, channel)
    ) STRICT;
    CREATE INDEX delivery_queue_due ON delivery_queue (state, next_attempt_at);
    CREATE INDEX delivery_queue_by_encounter ON delivery_queue (encounter_id, queued_at);
    CREATE TRIGGER delivery_queue_payload_fixed BEFORE UPDATE OF id, document_id, channel, encounter_id, patient_id, payload, message_control_id, file_name, queued_at ON delivery_queue
      BEGIN SELECT RAISE(ABORT, 'what was queued for delivery never changes'); END;
    CREATE TRIGGER delivery_queue_no_delete BEFORE DELETE ON delivery_queue
      BEGIN SELECT RAISE(ABORT, 'the delivery queue keeps every document'); END;
  `,
};
