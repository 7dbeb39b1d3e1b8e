/**
 * What buildFhirDocumentBundle (fhir-bundle.ts) is given: the encounter, its template and PDF,
 * the signature, the settings and the identity of the clinic and its clinicians.
 */
import type { Actor } from '../contract/common';
import type { EncounterDetail } from '../contract/encounter';
import type { SignatureVerification } from '../contract/note';
import type { Template } from '../library/schema';
import type { ExportIdentity } from './identity';

export interface NoteSignature {
  /** The physician who signed (password re-entry). */
  by: Actor;
  /** When the note was signed (ISO 8601 with offset). */
  at: string;
  /** SHA-256 (hex) of the signed note's canonical content, as recorded with the signature. */
  sha256: string;
  /** How the signature verified when exported: the Ed25519 key's fingerprint, or hash only (signed before signatures). */
  verification?: SignatureVerification;
  /** A drawn signature, if one was captured (FHIR R4 Signature.sigFormat image/png). */
  imagePngBase64?: string;
}

export interface FhirBundleSettings {
  /** The URI of the MRN's assigning authority (Patient.identifier.system), e.g. the hospital's MRN system. */
  mrnSystem: string;
  /** LOINC document type for DocumentReference.type; default 59284-0 (LOINC "Consent Document"). */
  documentTypeLoinc?: string;
  /** Display for a configured LOINC code not in LOINC_DOCUMENT_DISPLAYS. */
  documentTypeDisplay?: string;
  /** DocumentReference.category; default US Core's clinical-note. */
  documentCategory?: { system: string; code: string; display: string };
}

export interface FhirBundleInput {
  detail: EncounterDetail;
  /** The exact template version the encounter used: name, id and version, and the checklist the Questionnaire declares. */
  template: Template;
  /** The PDF, base64 (no line breaks). */
  pdfBase64: string;
  /** SHA-1 of the PDF bytes, base64: R4 `Attachment.hash`. Computed by the caller (shared/ has no crypto). */
  pdfSha1Base64: string;
  /** When the PDF was generated (Attachment.creation, DocumentReference.date, Bundle.timestamp). */
  generatedAt: string;
  signature?: NoteSignature | null;
  /** The document id (UUID) of the earlier export this one replaces (amended note): `relatesTo replaces`, and it is set superseded. */
  replaces?: string | null;
  /**
   * This document's id (UUID): DocumentReference.identifier `urn:uuid:<id>`, and the same number in
   * HL7 TXA-12, so a receiver can tell replace from append. Default: one from `ids`.
   */
  documentId?: string;
  /** Who wrote the note. Default: the signer, else whoever last saved the consent discussion, else the encounter's creator. */
  author?: Actor;
  settings: FhirBundleSettings;
  /**
   * The clinic and its clinicians' identifiers: with it the author, authenticator and Provenance agents are
   * Practitioner entries and the clinic the custodian; without it (tests of other parts) they stay display text.
   */
  identity?: ExportIdentity;
  /** UUID source (injected for determinism): the entries' fullUrls and the default document id. */
  ids: () => string;
}
