/**
 * Patient, surrogate, witness and interpreter signatures (migration 008):
 * insert and read only; a void is its own insert-only row.
 */
import type { Actor } from '#shared/contract/common';
import type { ParticipantSignature, Signer } from '#shared/contract/consent';
import type { Db } from '../connection';

interface Row {
  id: string;
  encounter_id: string;
  signer: Signer;
  signer_name: string;
  method: 'drawn' | 'paper';
  image_png_base64: string | null;
  at: string;
  by_name: string;
  by_role: Actor['role'];
  void_reason: string | null;
  void_at: string | null;
  void_by_name: string | null;
  void_by_role: Actor['role'] | null;
}

export function createParticipantSignatureRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO consent_signatures (id, encounter_id, signer, signer_name, method, image_png_base64, at, by_name, by_role, by_user_id)
     VALUES (@id, @encounterId, @signer, @signerName, @method, @image, @at, @byName, @byRole, @byUserId)`,
  );
  const insertVoid = db.prepare(
    `INSERT INTO consent_signature_voids (signature_id, reason, at, by_name, by_role, by_user_id) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const select = `SELECT s.id, s.encounter_id, s.signer, s.signer_name, s.method, s.image_png_base64, s.at, s.by_name, s.by_role,
      v.reason AS void_reason, v.at AS void_at, v.by_name AS void_by_name, v.by_role AS void_by_role
    FROM consent_signatures s LEFT JOIN consent_signature_voids v ON v.signature_id = s.id`;
  const byEncounter = db.prepare<[string], Row>(`${select} WHERE s.encounter_id = ? ORDER BY s.at, s.rowid`);
  const one = db.prepare<[string], Row>(`${select} WHERE s.id = ?`);

  const toSignature = (r: Row): ParticipantSignature => ({
    id: r.id,
    encounterId: r.encounter_id,
    signer: r.signer,
    signerName: r.signer_name,
    method: r.method,
    imagePngBase64: r.image_png_base64,
    at: r.at,
    by: { name: r.by_name, role: r.by_role },
    voided: r.void_at ? { reason: r.void_reason ?? '', at: r.void_at, by: { name: r.void_by_name ?? '', role: r.void_by_role ?? 'nurse' } } : null,
  });

  return {
    insert(s: Omit<ParticipantSignature, 'voided'>, byUserId: string): void {
      insert.run({
        id: s.id, encounterId: s.encounterId, signer: s.signer, signerName: s.signerName, method: s.method,
        image: s.imagePngBase64, at: s.at, byName: s.by.name, byRole: s.by.role, byUserId,
      });
    },
    void(signatureId: string, reason: string, at: string, by: Actor, byUserId: string): void {
      insertVoid.run(signatureId, reason, at, by.name, by.role, byUserId);
    },
    get(id: string): ParticipantSignature | null {
      const row = one.get(id);
      return row ? toSignature(row) : null;
    },
    list(encounterId: string): ParticipantSignature[] {
      return byEncounter.all(encounterId).map(toSignature);
    },
  };
}
export type ParticipantSignatureRepository = ReturnType<typeof createParticipantSignatureRepository>;
