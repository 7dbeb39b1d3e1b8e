/**
 * The kill -9 harness: run the crash writer, SIGKILL it at a random moment,
 * reopen the database the way the app does, and check that every acknowledged
 * write is present and identical, that no multi-row write is half done, and
 * that quick_check is ok. Repeats on the same data folder.
 */
import { canonicalJson } from '#shared/domain/canonical-json';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { openCore } from '../core';
import { createSignedNoteRepository, type StoredAddendum, type StoredNote } from '../repositories/signed-notes';
import { createSigningKeyRepository } from '../repositories/signing-keys';
import { createNoteVerifier } from '../signing/verify-note';

export interface CrashReport {
  cycles: number;
  acknowledged: number;
  /** Acknowledgements by kind of write, to show every write path was exercised. */
  byOp: Record<string, number>;
  lost: number;
  mismatched: number;
  halfDone: number;
  quickCheckFailures: number;
  problems: string[];
  seconds: number;
}

export type Ack =
  | { op: 'ready' }
  | { op: 'patient'; id: string; mrn: string }
  | { op: 'encounter'; id: string; patientId: string }
  | { op: 'item'; encounterId: string; itemId: string; status: string; reason: string | null }
  | { op: 'consent'; encounterId: string; consent: Record<string, unknown> }
  | { op: 'note'; encounterId: string; id: string; contentSha256: string }
  | { op: 'addendum'; noteId: string; id: string; seq: number; contentSha256: string; text: string };

/** Bundles the writer into out/test/ inside the repo, so it resolves better-sqlite3 from the repo's node_modules. */
export function bundleWriter(): Promise<string> {
  return bundleScript('crash-writer');
}

/** Bundles db/testing/<name>.ts for a child process; one file per process, so parallel runs never share it. */
export async function bundleScript(name: string): Promise<string> {
  const outfile = path.resolve(__dirname, `../../out/test/${name}-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(__dirname, `${name}.ts`)],
    bundle: true, platform: 'node', format: 'esm', target: 'node22', outfile, logLevel: 'error',
    external: ['better-sqlite3-multiple-ciphers', 'pdfmake'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return outfile;
}

/**
 * One child run: returns the acknowledgements it printed before it was killed.
 * The kill comes killAfterMs after the writer printed its first acknowledgement
 * of kind startAfter ('ready': it has opened the database): a point reached by
 * the writer's own progress, however slow the machine, not by the clock.
 */
function runOnce(writer: string, dataDir: string, tag: string, killAfterMs: number, startAfter: Ack['op']): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, tag], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!timer && out.includes(`"op":"${startAfter}"`)) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited on its own (${code}): ${err}`));
      // Only complete lines are acknowledgements; a torn last line was never fully printed.
      const lines = out.split('\n').slice(0, -1);
      resolve(lines.map((l) => JSON.parse(l) as Ack));
    });
  });
}

export function verify(dataDir: string, acks: Ack[], problems: string[]): { lost: number; mismatched: number; halfDone: number; quickCheckFailures: number } {
  const tally = { lost: 0, mismatched: 0, halfDone: 0, quickCheckFailures: 0 };
  const fail = (kind: 'lost' | 'mismatched' | 'halfDone', message: string) => {
    tally[kind]++;
    problems.push(message);
  };
  // Reopen exactly as the app starts.
  const core = openCore({ dataDir });
  try {
    const db = core.db;
    const quick = db.pragma('quick_check', { simple: true });
    if (quick !== 'ok') {
      tally.quickCheckFailures++;
      problems.push(`quick_check: ${String(quick)}`);
    }
    // A crash between a commit and its seal leaves the trail ahead of the seal: never an audit alarm.
    const alarm = core.auditAlarm();
    if (alarm) problems.push(`audit alarm after a crash: ${alarm.reason}`);
    const one = (sql: string) => db.prepare(sql).get() as Record<string, unknown> | undefined;
    // Bulk reads, compared in memory: every acknowledgement of every cycle is checked each time.
    const patients = new Map((db.prepare('SELECT id, mrn FROM patients').all() as { id: string; mrn: string }[]).map((r) => [r.id, r.mrn]));
    const encounters = new Map((db.prepare('SELECT id, patient_id FROM encounters').all() as { id: string; patient_id: string }[]).map((r) => [r.id, r.patient_id]));
    const items = new Map((db.prepare('SELECT encounter_id, item_id, status, reason FROM checklist_items').all() as { encounter_id: string; item_id: string; status: string; reason: string | null }[])
      .map((r) => [`${r.encounter_id}/${r.item_id}`, r]));
    const consents = new Map((db.prepare('SELECT encounter_id, content_json FROM consent_discussions').all() as { encounter_id: string; content_json: string }[])
      .map((r) => [r.encounter_id, r.content_json]));
    // Every signed note on file (acknowledged or not) must pass the check the app makes on read:
    // content hash, Ed25519 signatures, the chain of its addenda and the audit trail's record of them.
    // An acknowledged one must also be the one acknowledged.
    const signed = createSignedNoteRepository(db);
    const verifier = createNoteVerifier(db, createSigningKeyRepository(db));
    const notes = new Map<string, StoredNote>();
    const addenda = new Map<string, StoredAddendum>();
    for (const id of db.prepare('SELECT id FROM signed_notes').pluck().all() as string[]) {
      const note = signed.get(id)!;
      const its = signed.addenda(id);
      notes.set(id, note);
      for (const a of its) addenda.set(a.id, a);
      const checked = verifier.verify(note, its);
      if (!checked.ok) fail('halfDone', `signed note ${id} fails its integrity check: ${checked.problem}`);
    }
    for (const a of acks) {
      if (a.op === 'note') {
        const note = notes.get(a.id);
        if (!note) fail('lost', `lost signed note ${a.id} of ${a.encounterId}`);
        else if (note.encounterId !== a.encounterId || note.contentSha256 !== a.contentSha256) fail('mismatched', `signed note ${a.id} differs`);
        continue;
      }
      if (a.op === 'addendum') {
        const addendum = addenda.get(a.id);
        if (!addendum) fail('lost', `lost addendum ${a.id} of note ${a.noteId}`);
        else if (addendum.noteId !== a.noteId || addendum.seq !== a.seq || addendum.contentSha256 !== a.contentSha256 || addendum.text !== a.text) fail('mismatched', `addendum ${a.id} differs`);
        continue;
      }
      if (a.op === 'patient') {
        const mrn = patients.get(a.id);
        if (mrn === undefined) fail('lost', `lost patient ${a.mrn}`);
        else if (mrn !== a.mrn) fail('mismatched', `patient ${a.id} mrn ${mrn} != ${a.mrn}`);
      } else if (a.op === 'encounter') {
        const patientId = encounters.get(a.id);
        if (patientId === undefined) fail('lost', `lost encounter ${a.id}`);
        else if (patientId !== a.patientId) fail('mismatched', `encounter ${a.id} patient differs`);
      } else if (a.op === 'item') {
        const row = items.get(`${a.encounterId}/${a.itemId}`);
        if (!row) fail('lost', `lost item ${a.itemId} of ${a.encounterId}`);
        else if (row.status !== a.status || row.reason !== a.reason) fail('mismatched', `item ${a.itemId} differs`);
      } else if (a.op === 'consent') {
        const json = consents.get(a.encounterId);
        if (json === undefined) fail('lost', `lost consent of ${a.encounterId}`);
        else if (canonicalJson(JSON.parse(json)) !== canonicalJson(a.consent)) fail('mismatched', `consent of ${a.encounterId} differs`);
      }
    }
    // State and history are written in one transaction: never one without the other.
    const pairs: [string, string][] = [
      ['SELECT count(*) AS n FROM checklist_items', 'SELECT count(*) AS n FROM checklist_item_events'],
      ['SELECT count(*) AS n FROM consent_discussions', 'SELECT count(*) AS n FROM consent_discussion_events'],
      // A signature or an addendum commits with its audit entry (the writer never mistypes a password).
      ["SELECT count(*) AS n FROM signed_notes", "SELECT count(*) AS n FROM audit_log WHERE action = 'note.sign'"],
      ["SELECT count(*) AS n FROM note_addenda", "SELECT count(*) AS n FROM audit_log WHERE action = 'note.addAddendum'"],
      // The foreign key makes this impossible; the check proves the reopened file agrees.
      ['SELECT 0 AS n', 'SELECT count(*) AS n FROM note_addenda a LEFT JOIN signed_notes s ON s.id = a.note_id WHERE s.id IS NULL'],
    ];
    for (const [a, b] of pairs) {
      if (one(a)?.n !== one(b)?.n) fail('halfDone', `half-done write: ${a} vs ${b}`);
    }
  } finally {
    core.close();
  }
  return tally;
}

/**
 * Each cycle kills the writer at a random moment, minMs to maxMs after the
 * acknowledgement startAfter(cycle) names. By default that is 'ready' (just
 * after it opened the database), except every tenth cycle (the first
 * included), which waits for an addendum first: signing and addenda are then
 * always among the acknowledged writes, on a machine however loaded, where a
 * window counted from 'ready' might end before the writer got that far.
 */
export async function runCrashCycles(options: {
  dataDir: string;
  writer: string;
  cycles: number;
  minMs?: number;
  maxMs?: number;
  startAfter?: (cycle: number) => Ack['op'];
}): Promise<CrashReport> {
  const started = Date.now();
  const report: CrashReport = { cycles: 0, acknowledged: 0, byOp: {}, lost: 0, mismatched: 0, halfDone: 0, quickCheckFailures: 0, problems: [], seconds: 0 };
  const allAcks: Ack[] = [];
  fs.mkdirSync(options.dataDir, { recursive: true });
  for (let cycle = 0; cycle < options.cycles; cycle++) {
    const min = options.minMs ?? 5;
    const max = options.maxMs ?? 250;
    const startAfter = options.startAfter ?? ((n: number) => (n % 10 === 0 ? 'addendum' : 'ready'));
    const acks = await runOnce(options.writer, options.dataDir, String(cycle), min + Math.floor(Math.random() * (max - min)), startAfter(cycle));
    allAcks.push(...acks.filter((a) => a.op !== 'ready'));
    // Every acknowledgement from every earlier cycle must still hold after this crash.
    const tally = verify(options.dataDir, allAcks, report.problems);
    report.cycles++;
    report.lost += tally.lost;
    report.mismatched += tally.mismatched;
    report.halfDone += tally.halfDone;
    report.quickCheckFailures += tally.quickCheckFailures;
    if (report.problems.length > 20) break;
  }
  report.acknowledged = allAcks.length;
  for (const a of allAcks) report.byOp[a.op] = (report.byOp[a.op] ?? 0) + 1;
  report.seconds = Math.round((Date.now() - started) / 100) / 10;
  return report;
}
