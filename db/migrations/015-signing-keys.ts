/**
 * 015: real signatures (issue 16). Each signing account (physician, nurse) has
 * an Ed25519 key pair: the public key in an append-only registry (a password
 * reset by an administrator retires a key, never deletes it, so old signatures
 * still verify), the private key encrypted under a key derived from the
 * holder's password. Notes and addenda signed from now on carry the signature
 * and the key id (the SHA-256 of the public key); an insert without them is
 * refused. Notes and addenda signed before this step are listed once, here, as
 * signed by hash only; the list takes no new entries, so a stripped signature
 * cannot pass a new note off as an old one.
 * Accounts also record, for good, whether an administrator made them for
 * themself, and who last reset their password.
 */
import type { Migration } from './types';

export const migration015: Migration = {
  version: 15,
  name: 'signing-keys',
  up: `
    CREATE TABLE signing_keys (
      -- SHA-256 (hex) of the public key's SPKI DER encoding: the key's fingerprint.
      key_id TEXT PRIMARY KEY CHECK (length(key_id) = 64),
      user_id TEXT NOT NULL REFERENCES users (id),
      -- SPKI DER, base64.
      public_key TEXT NOT NULL,
      registered_at TEXT NOT NULL,
      registered_by_name TEXT NOT NULL,
      registered_by_role TEXT NOT NULL,
      retired_at TEXT,
      retired_by_name TEXT,
      retired_reason TEXT,
      CHECK ((retired_at IS NULL) = (retired_by_name IS NULL))
    ) STRICT;
    CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (user_id) WHERE retired_at IS NULL;
    CREATE TRIGGER signing_keys_no_delete BEFORE DELETE ON signing_keys
      BEGIN SELECT RAISE(ABORT, 'a signing key is never deleted: signatures made with it must still verify'); END;
    CREATE TRIGGER signing_keys_retire_only BEFORE UPDATE ON signing_keys
      WHEN OLD.retired_at IS NOT NULL OR NEW.retired_at IS NULL
        OR NEW.key_id IS NOT OLD.key_id OR NEW.user_id IS NOT OLD.user_id OR NEW.public_key IS NOT OLD.public_key
        OR NEW.registered_at IS NOT OLD.registered_at OR NEW.registered_by_name IS NOT OLD.registered_by_name
        OR NEW.registered_by_role IS NOT OLD.registered_by_role
      BEGIN SELECT RAISE(ABORT, 'a signing key never changes; it is only retired, once'); END;

    -- The active key's private half: scrypt-derived key, AES-256-GCM. Re-wrapped when the password changes.
    CREATE TABLE signing_key_wraps (
      key_id TEXT PRIMARY KEY REFERENCES signing_keys (key_id),
      wrapped TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    ALTER TABLE signed_notes ADD COLUMN key_id TEXT REFERENCES signing_keys (key_id);
    ALTER TABLE signed_notes ADD COLUMN signature TEXT;
    ALTER TABLE note_addenda ADD COLUMN key_id TEXT REFERENCES signing_keys (key_id);
    ALTER TABLE note_addenda ADD COLUMN signature TEXT;
    CREATE TRIGGER signed_notes_need_signature BEFORE INSERT ON signed_notes WHEN NEW.signature IS NULL OR NEW.key_id IS NULL
      BEGIN SELECT RAISE(ABORT, 'a note is signed with an Ed25519 signature and the key that made it'); END;
    CREATE TRIGGER note_addenda_need_signature BEFORE INSERT ON note_addenda WHEN NEW.signature IS NULL OR NEW.key_id IS NULL
      BEGIN SELECT RAISE(ABORT, 'an addendum is signed with an Ed25519 signature and the key that made it'); END;

    CREATE TABLE hash_only_signatures (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('note', 'addendum'))
    ) STRICT;
    INSERT INTO hash_only_signatures (id, kind) SELECT id, 'note' FROM signed_notes;
    INSERT INTO hash_only_signatures (id, kind) SELECT id, 'addendum' FROM note_addenda;
    CREATE TRIGGER hash_only_signatures_closed BEFORE INSERT ON hash_only_signatures
      BEGIN SELECT RAISE(ABORT, 'only what was signed before migration 015 is signed by hash only'); END;
    CREATE TRIGGER hash_only_signatures_no_update BEFORE UPDATE ON hash_only_signatures
      BEGIN SELECT RAISE(ABORT, 'only what was signed before migration 015 is signed by hash only'); END;
    CREATE TRIGGER hash_only_signatures_no_delete BEFORE DELETE ON hash_only_signatures
      BEGIN SELECT RAISE(ABORT, 'only what was signed before migration 015 is signed by hash only'); END;

    ALTER TABLE users ADD COLUMN created_for_self INTEGER NOT NULL DEFAULT 0 CHECK (created_for_self IN (0, 1));
    ALTER TABLE users ADD COLUMN password_reset_at TEXT;
    ALTER TABLE users ADD COLUMN password_reset_by TEXT REFERENCES users (id);
    CREATE TRIGGER users_creation_fixed BEFORE UPDATE OF created_at, created_by, created_for_self ON users
      BEGIN SELECT RAISE(ABORT, 'who made an account, when and for whom never changes'); END;
  `,
};
