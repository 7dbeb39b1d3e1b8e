/**
 * 008: what a consent discussion needs beyond 007, and exports to the outbox.
 *
 * - consent_signatures: the patient's (or surrogate's), the witness's and the
 *   interpreter's signatures on the consent discussion, drawn on screen (a PNG)
 *   or marked as signed on paper. Insert-only; one withdrawn in error is
 *   recorded in consent_signature_voids with who, when and why. They become part
 *   of the physician's signed note (and its hash) when the note is signed.
 * - outbox_exports: every export written to the installation's outbox folder:
 *   the document id the chart systems see, the one it replaces (an amended
 *   note), which signed note and how many addenda it carried, the files written
 *   with their SHA-256, who and when, and the batch it belonged to. Insert-only.
 */
import type { Migration } from './types';

export const migration008: Migration = {
  version: 8,
  name: 'note-exports-outbox',
  up: `
    CREATE TABLE consent_signatures (
      id TEXT PRIMARY KEY,
      encounter_id TEXT NOT NULL REFERENCES encounters (id),
      signer TEXT NOT NULL CHECK (signer IN ('patient', 'surrogate', 'witness', 'interpreter')),
      signer_name TEXT NOT NULL CHECK (length(signer_name) > 0),
      method TEXT NOT NULL CHECK (method IN ('drawn', 'paper')),
      -- A drawn signature as PNG (base64); NULL when signed on paper.
      image_png_base64 TEXT CHECK ((method = 'drawn') = (image_png_base64 IS NOT NULL)),
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL,
      by_user_id TEXT NOT NULL REFERENCES users (id)
    ) STRICT;
    CREATE INDEX consent_signatures_by_encounter ON consent_signatures (encounter_id, at);
    CREATE TRIGGER consent_signatures_no_update BEFORE UPDATE ON consent_signatures
      BEGIN SELECT RAISE(ABORT, 'a captured signature never changes; withdraw it and capture again'); END;
    CREATE TRIGGER consent_signatures_no_delete BEFORE DELETE ON consent_signatures
      BEGIN SELECT RAISE(ABORT, 'a captured signature never changes; withdraw it and capture again'); END;

    CREATE TABLE consent_signature_voids (
      signature_id TEXT PRIMARY KEY REFERENCES consent_signatures (id),
      reason TEXT NOT NULL CHECK (length(reason) > 0),
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL,
      by_user_id TEXT NOT NULL REFERENCES users (id)
    ) STRICT;
    CREATE TRIGGER consent_signature_voids_no_update BEFORE UPDATE ON consent_signature_voids
      BEGIN SELECT RAISE(ABORT, 'the signature history is append-only'); END;
    CREATE TRIGGER consent_signature_voids_no_delete BEFORE DELETE ON consent_signature_voids
      BEGIN SELECT RAISE(ABORT, 'the signature history is append-only'); END;

    CREATE TABLE outbox_exports (
      id TEXT PRIMARY KEY,
      encounter_id TEXT NOT NULL REFERENCES encounters (id),
      -- The document id (UUID) sent as DocumentReference identifier and TXA-12.
      document_id TEXT NOT NULL UNIQUE,
      -- The earlier export of the same signed note this one replaces (it carries more addenda).
      replaces_document_id TEXT REFERENCES outbox_exports (document_id),
      note_id TEXT REFERENCES signed_notes (id),
      addenda_count INTEGER NOT NULL CHECK (addenda_count >= 0),
      pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
      -- [{ "format": "pdf" | "text" | "fhir" | "hl7", "file": name, "sha256": hex }]
      files_json TEXT NOT NULL,
      folder TEXT NOT NULL,
      batch_id TEXT,
      at TEXT NOT NULL,
      by_name TEXT NOT NULL,
      by_role TEXT NOT NULL,
      by_user_id TEXT NOT NULL REFERENCES users (id)
    ) STRICT;
    CREATE INDEX outbox_exports_by_encounter ON outbox_exports (encounter_id, at);
    CREATE TRIGGER outbox_exports_no_update BEFORE UPDATE ON outbox_exports
      BEGIN SELECT RAISE(ABORT, 'the export record is append-only'); END;
    CREATE TRIGGER outbox_exports_no_delete BEFORE DELETE ON outbox_exports
      BEGIN SELECT RAISE(ABORT, 'the export record is append-only'); END;
  `,
};
