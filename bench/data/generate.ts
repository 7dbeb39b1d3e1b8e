/**
 * The benchmark data set: N patients with about 3 encounters each over five
 * years (and the next two months), every past encounter with its full
 * checklist and history, consent discussion, signed note and its five state
 * transitions to discharge; today's encounters partly done, future ones not
 * started. Rows are clones of the prototypes the dispatcher made
 * (prototypes.ts), written with prepared statements in large transactions.
 * Signed notes get the patient's own name, MRN and dates, their SHA-256
 * recomputed and an Ed25519 signature by the prototype physician's key (opened
 * with the test password), so they verify like any note the app signed.
 *
 * Not generated: the audit trail of the bulk rows (only the prototypes' calls
 * are audited) and procedure-day records (vitals, time-out). `documentedShare`
 * below 1 keeps checklists, consent and notes on only that share of past
 * encounters (the 1M set: full documentation there is ~80 GB; see RESULTS.md).
 */
import { createHash } from 'node:crypto';
import { openCore } from '#db/core';
import { foldForSearch } from '#db/repositories/patients';
import { createSignedNoteRepository } from '#db/repositories/signed-notes';
import { createSigningKeyRepository } from '#db/repositories/signing-keys';
import { packNoteContent } from '#db/note-storage';
import { templateDictionary } from '#db/template-dictionary';
import { archiveClosedChecklists } from '#db/checklist-archive';
import { signText, unwrapPrivateKey } from '#db/signing/ed25519';
import { TEST_PASSWORD, TEST_PASSWORD_COST, NURSE, PHYSICIAN } from '#db/testing/temp-core';
import { clockOfContent, noteSignaturePayload } from '#shared/note/signature';
import { patientName } from '#shared/note/format';
import type { NoteContent } from '#shared/note/model';
import { FAMILY_NAMES, GIVEN_NAMES, INDICATIONS } from './names';
import { makePrototypes } from './prototypes';
import { orderedIds, pick, rng, zipfPick } from '../lib/random';

export interface GenerateOptions {
  dataDir: string;
  patients: number;
  /** The data set's today (YYYY-MM-DD): the worklist benches open this day. */
  today: string;
  documentedShare: number;
  /** Signed notes as stored before migration 024 (uncompressed text): bench/storage.ts measures the change on them. */
  legacyStorage?: boolean;
  seed?: number;
  log?: (line: string) => void;
}

export interface DatasetInfo {
  patients: number;
  encounters: number;
  documentedEncounters: number;
  checklistRows: number;
  signedNotes: number;
  today: string;
  /** An open encounter of today with its items: the save benchmark changes these. */
  openEncounterId: string;
  openItemIds: string[];
  /** A past encounter with a signed note: the PDF export benchmark exports it. */
  signedEncounterId: string;
  /** Patients whose name and MRN the search benchmark looks for. */
  samplePatients: { mrn: string; familyName: string; givenName: string }[];
  seconds: number;
}

const DAY = 86_400_000;
const ENCOUNTERS_PER_PATIENT = [1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 3, 3]; // mean 3.0
const BATCH_PATIENTS = 2000;

const escapeJson = (text: string) => JSON.stringify(text).slice(1, -1);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function generate(options: GenerateOptions): Promise<DatasetInfo> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const random = rng(options.seed ?? 20260601);
  const newId = orderedIds(0x0190_0000_0000, random);
  const todayMs = Date.parse(`${options.today}T00:00:00.000Z`);
  const clock = () => new Date(todayMs + 8 * 3600_000);
  // No background compaction: the generator writes storage as the app does (or, legacyStorage, as before 024) itself.
  const core = openCore({ dataDir: options.dataDir, now: clock, passwordCost: TEST_PASSWORD_COST, newId, storageCompaction: false });
  try {
    const db = core.db;
    const prototypes = await makePrototypes(core, options.today);
    const dictionary = templateDictionary(db);
    const physicianId = db.prepare("SELECT id FROM users WHERE role = 'physician'").pluck().get() as string;
    const signingKey = createSigningKeyRepository(db).active(physicianId)!;
    const privateKey = unwrapPrivateKey(signingKey.wrapped!, signingKey.keyId, TEST_PASSWORD)!;
    const protos = prototypes.map((p) => {
      const e = db.prepare('SELECT * FROM encounters WHERE id = ?').get(p.encounterId) as Record<string, unknown>;
      const patient = db.prepare('SELECT family_name, given_name, mrn, birth_date FROM patients WHERE id = ?').get(p.patientId) as Record<string, string>;
      return {
        encounter: e,
        patient,
        items: db.prepare('SELECT item_id, status, reason FROM checklist_items WHERE encounter_id = ? ORDER BY item_id').all(p.encounterId) as { item_id: string; status: string; reason: string | null }[],
        consent: db.prepare('SELECT content_json, decision FROM consent_discussions WHERE encounter_id = ?').get(p.encounterId) as { content_json: string; decision: string },
        note: (({ contentJson, signedAt, attestation }) => ({ content_json: contentJson, signed_at: signedAt, attestation }))(createSignedNoteRepository(db).byEncounter(p.encounterId)!),
        transitions: db.prepare('SELECT from_state, to_state, reason, overridden_json FROM encounter_transitions WHERE encounter_id = ? ORDER BY seq').all(p.encounterId) as Record<string, string | null>[],
      };
    });

    const insertPatient = db.prepare(`INSERT INTO patients (id, mrn, family_name, given_name, family_key, given_key, birth_date, sex, created_at, created_by_name, created_by_role)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'nurse')`);
    const insertEncounter = db.prepare(`INSERT INTO encounters (id, patient_id, template_id, template_version, levels_json, laterality, imaging_modality,
      planned_date, indication, created_at, created_by_name, created_by_role, state, sedation_planned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'nurse', ?, ?)`);
    // A full checklist is the prototype's, copied inside SQLite: one statement per encounter, not 170.
    const copyItems = db.prepare(`INSERT INTO checklist_items (encounter_id, item_id, status, reason, updated_at, updated_by_name, updated_by_role)
      SELECT @to, item_id, status, reason, @at, @by, 'nurse' FROM checklist_items WHERE encounter_id = @from`);
    const copyEvents = db.prepare(`INSERT INTO checklist_item_events (encounter_id, item_id, from_status, to_status, reason, at, by_name, by_role)
      SELECT @to, item_id, NULL, status, reason, @at, @by, 'nurse' FROM checklist_items WHERE encounter_id = @from`);
    const insertItem = db.prepare(`INSERT INTO checklist_items (encounter_id, item_id, status, reason, updated_at, updated_by_name, updated_by_role) VALUES (?, ?, ?, ?, ?, ?, 'nurse')`);
    const insertEvent = db.prepare(`INSERT INTO checklist_item_events (encounter_id, item_id, from_status, to_status, reason, at, by_name, by_role) VALUES (?, ?, NULL, ?, ?, ?, ?, 'nurse')`);
    const insertConsent = db.prepare(`INSERT INTO consent_discussions (encounter_id, content_json, decision, updated_at, updated_by_name, updated_by_role) VALUES (?, ?, ?, ?, ?, 'physician')`);
    const insertConsentEvent = db.prepare(`INSERT INTO consent_discussion_events (encounter_id, content_json, at, by_name, by_role) VALUES (?, ?, ?, ?, 'physician')`);
    const insertNote = db.prepare(`INSERT INTO signed_notes (id, encounter_id, content_json, content, content_sha256, signed_at, signed_by_name, signed_by_role, signed_by_user_id, attestation, key_id, signature)
      VALUES (?, ?, ?, ?, ?, ?, ?, 'physician', ?, ?, ?, ?)`);
    const insertTransition = db.prepare(`INSERT INTO encounter_transitions (encounter_id, from_state, to_state, at, by_name, by_role, reason, overridden_json) VALUES (?, ?, ?, ?, ?, 'physician', ?, ?)`);

    const info: DatasetInfo = {
      patients: 0, encounters: 0, documentedEncounters: 0, checklistRows: 0, signedNotes: 0, today: options.today,
      openEncounterId: '', openItemIds: [], signedEncounterId: '', samplePatients: [], seconds: 0,
    };
    const firstDay = todayMs - 5 * 365 * DAY;
    const span = 5 * 365 * DAY + 60 * DAY;

    const writeBatch = db.transaction((from: number, to: number) => {
      for (let n = from; n < to; n++) {
        const patientId = newId();
        const mrn = `MRN${String(1_000_000 + n * 7).padStart(8, '0')}`;
        const familyName = random() < 0.25 ? `${zipfPick(FAMILY_NAMES, random)} ${zipfPick(FAMILY_NAMES, random)}` : zipfPick(FAMILY_NAMES, random);
        const givenName = zipfPick(GIVEN_NAMES, random);
        const birth = new Date(Date.UTC(1930 + Math.floor(random() * 80), Math.floor(random() * 12), 1 + Math.floor(random() * 28))).toISOString().slice(0, 10);
        const registered = new Date(firstDay + random() * 5 * 365 * DAY).toISOString();
        insertPatient.run(patientId, mrn, familyName, givenName, foldForSearch(familyName), foldForSearch(givenName), birth, pick(['female', 'male', 'female', 'male', 'other', 'unknown'], random), registered, NURSE.name);
        info.patients++;
        if (n % Math.max(1, Math.floor(options.patients / 50)) === 0) info.samplePatients.push({ mrn, familyName, givenName });

        const count = pick(ENCOUNTERS_PER_PATIENT, random);
        for (let k = 0; k < count; k++) {
          const proto = pick(protos, random);
          const e = proto.encounter;
          // Every 500th patient also comes today, so even the smallest set has a day's list to open.
          const dayMs = n % 500 === 0 && k === 0 ? todayMs : firstDay + Math.floor((random() * span) / DAY) * DAY;
          const plannedDate = new Date(dayMs).toISOString().slice(0, 10);
          const past = dayMs < todayMs;
          const isToday = dayMs === todayMs;
          const documented = past && random() < options.documentedShare;
          const encounterId = newId();
          const createdAt = new Date(dayMs - Math.floor(random() * 30) * DAY + 9 * 3600_000).toISOString();
          const indication = pick(INDICATIONS, random);
          insertEncounter.run(encounterId, patientId, e.template_id, e.template_version, e.levels_json, e.laterality, e.imaging_modality,
            plannedDate, indication, createdAt, NURSE.name, past ? 'discharged' : 'scheduled', e.sedation_planned);
          info.encounters++;
          const at = (minutes: number) => new Date(dayMs + 8 * 3600_000 + minutes * 60_000).toISOString();

          if (documented) {
            const copy = { to: encounterId, from: proto.encounter.id, at: at(30), by: NURSE.name };
            copyItems.run(copy);
            copyEvents.run(copy);
            info.checklistRows += proto.items.length;
          } else if (isToday) {
            // Today's encounters are under way: a third of the checklist done. The future ones have none.
            proto.items.filter((_, i) => i % 3 === 0).forEach((item, i) => {
              insertItem.run(encounterId, item.item_id, item.status, item.reason, at(i), NURSE.name);
              insertEvent.run(encounterId, item.item_id, item.status, item.reason, at(i), NURSE.name);
              info.checklistRows++;
            });
          }
          if (isToday && !info.openEncounterId && proto.items.length >= 60) {
            info.openEncounterId = encounterId;
            info.openItemIds = proto.items.map((item) => item.item_id);
          }
          if (past) {
            proto.transitions.forEach((t, i) => insertTransition.run(encounterId, t.from_state, t.to_state, at(90 + i * 20), PHYSICIAN.name, t.reason, t.overridden_json));
          }
          if (!documented) continue;
          info.documentedEncounters++;
          insertConsent.run(encounterId, proto.consent.content_json, proto.consent.decision, at(70), PHYSICIAN.name);
          insertConsentEvent.run(encounterId, proto.consent.content_json, at(70), PHYSICIAN.name);
          // The prototype's note, made this patient's: names, MRN, dates and ids swapped, hash recomputed.
          const signedAt = at(75);
          const clock = clockOfContent(JSON.parse(proto.note.content_json) as NoteContent, 'UTC');
          const swaps: [string, string][] = [
            [patientName({ familyName: proto.patient.family_name!, givenName: proto.patient.given_name! }), patientName({ familyName, givenName })],
            [proto.patient.mrn!, mrn],
            [proto.patient.birth_date!, birth],
            [clock.at(proto.note.signed_at), clock.at(signedAt)],
            [String(proto.encounter.id), encounterId],
            [String(proto.encounter.indication), indication],
          ];
          let content = proto.note.content_json;
          for (const [from, to] of swaps) content = content.replaceAll(escapeJson(from), escapeJson(to));
          const noteId = newId();
          const contentSha256 = sha256(content);
          const signature = signText(privateKey, noteSignaturePayload({
            noteId, encounterId, patientId, mrn, contentSha256, signedAt, signedBy: PHYSICIAN, signedByUserId: physicianId, keyId: signingKey.keyId,
          }));
          // As the app writes it: against the encounter's template version (db/note-storage.ts).
          const stored = options.legacyStorage ? [content, null] : ['', packNoteContent(content, dictionary(String(e.template_id), Number(e.template_version)))];
          insertNote.run(noteId, encounterId, ...stored, contentSha256, signedAt, PHYSICIAN.name, physicianId, proto.note.attestation, signingKey.keyId, signature);
          info.signedNotes++;
          if (!info.signedEncounterId) info.signedEncounterId = encounterId;
        }
      }
    });

    // Bulk loading only, on a disposable file: no journal, no fsync and no foreign-key lookups
    // (every row is valid by construction), a large cache. The app's pragmas return on close
    // and on every open (db/connection.ts); WAL is set back below.
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -262144');
    for (let from = 0; from < options.patients; from += BATCH_PATIENTS) {
      writeBatch.immediate(from, Math.min(options.patients, from + BATCH_PATIENTS));
      if ((from / BATCH_PATIENTS) % 25 === 0) log(`  ${Math.min(options.patients, from + BATCH_PATIENTS).toLocaleString('en-US')} / ${options.patients.toLocaleString('en-US')} patients`);
    }
    if (!info.openEncounterId || !info.signedEncounterId) throw new Error('the data set has no open encounter today or no signed note; use more patients');
    // As the app stores them from migration 024 on (bench/storage.ts measures the change on legacy rows).
    if (!options.legacyStorage) archiveClosedChecklists(db, clock().toISOString());
    db.pragma('journal_mode = WAL');
    info.seconds = Math.round((performance.now() - started) / 100) / 10;
    return info;
  } finally {
    core.close();
  }
}
