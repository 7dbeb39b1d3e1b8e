/** What every handler may use: the repositories, a clock and an id source. */
import type { Db } from '../../connection';
import type { ChecklistRepository } from '../../repositories/checklist';
import type { ConsentRepository } from '../../repositories/consent';
import type { EncounterRepository } from '../../repositories/encounters';
import type { ExportRepository } from '../../repositories/exports';
import type { PatientRepository } from '../../repositories/patients';
import type { ReviewRepository } from '../../repositories/reviews';
import type { TemplateRepository } from '../../repositories/templates';
import type { SettingsRepository } from '../../repositories/settings';
import type { WorkflowRepository } from '../../repositories/workflow';
import type { SignedNoteRepository } from '../../repositories/signed-notes';
import type { Auth } from '../../auth/sessions';
import type { ParticipantSignatureRepository } from '../../repositories/participant-signatures';
import type { OutboxExportRepository } from '../../repositories/outbox-exports';
import type { BleedingRiskRepository } from '../../repositories/bleeding-risk';
import type { PatientFactRepository } from '../../repositories/patient-facts';
import type { IntakeRepository } from '../../repositories/intakes';
import type { AuditLog } from '../../audit';
import type { DeliveryQueueRepository } from '../../repositories/delivery-queue';
import type { Keyring } from '../../signing/keyring';
import type { Actor } from '#shared/contract/common';
import type { ProviderIdentity } from '#shared/contract/users-provider';
import type { NoteVerifier } from '../../signing/verify-note';

export interface HandlerContext {
  db: Db;
  dataDir: string;
  appVersion: string;
  schemaVersion: number;
  patients: PatientRepository;
  encounters: EncounterRepository;
  templates: TemplateRepository;
  checklist: ChecklistRepository;
  consent: ConsentRepository;
  exports: ExportRepository;
  reviews: ReviewRepository;
  workflow: WorkflowRepository;
  /** Signed consent-discussion notes and their addenda (insert and read only). */
  signedNotes: SignedNoteRepository;
  settings: SettingsRepository;
  /** Patient, surrogate, witness and interpreter signatures (insert only). */
  participantSignatures: ParticipantSignatureRepository;
  /** What was written to the outbox, when and by whom (insert only). */
  outboxExports: OutboxExportRepository;
  /** Physicians' raises of an encounter's bleeding-risk class (insert only). */
  bleedingRisk: BleedingRiskRepository;
  /** Patient-level clinical facts, their confirmations, and encounters' planned starts (insert only). */
  patientFacts: PatientFactRepository;
  /** The patient's intake versions (insert only). */
  intakes: IntakeRepository;
  /** An account's provider identifiers (NPI, local id), found by the display name records carry; null if none. */
  providerOf: (actor: Actor) => ProviderIdentity | null;
  /** Exported documents queued for delivery to the chart, per channel (migration 020). */
  deliveryQueue: DeliveryQueueRepository;
  /** Called after an export queued documents: the worker sends them now, not at its next tick (set once it exists). */
  deliveryQueued?: () => void;
  /** For re-authentication when signing (time-out, overrides). */
  auth: Auth;
  /** Each signer's Ed25519 key, opened only at the moment of signing. */
  keyring: Keyring;
  /** Verifies a signed note on every read: hashes, signatures, and the audit trail's record of its addenda. */
  verifier: NoteVerifier;
  /** For refusals recorded outside a write (a note that fails verification on an export). */
  audit: AuditLog;
  now: () => string;
  newId: () => string;
  /** The core's log (e.g. a signed note that fails its integrity check). */
  log: (message: string) => void;
}
