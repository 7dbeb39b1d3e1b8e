/**
 * Issue 19 point 8: delivery throughput. 1,000 signed notes are made through the dispatcher in a
 * fresh temp database and exported once each, which queues every note on the folder, MLLP and FHIR
 * channels together; then the app's own worker (core.delivery.runDue) sends them one channel at a
 * time: the folder drop (the baseline), HL7 v2 over MLLP to node-hl7-server answering AA, FHIR R4 to
 * Medplum's router over HTTP. The receivers run in a child process (bench/lib/delivery-peers.ts).
 * The FHIR server's store is emptied after every FHIR_CLEAR_EVERY notes (its in-memory search scans
 * every stored resource, so its time per note grew with each note kept: 31 s for 100 notes, 167 s for 200).
 * Time per note is read from the audit trail (each attempt's entry is stamped as it is recorded).
 * A channel that did not end with every note acknowledged or delivered fails the benchmark: no number.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sendMllp } from '#db/delivery/mllp-client';
import { writeFileAtomic } from '#db/export/atomic-write';
import { signedEncounter } from '#db/testing/signed-encounter';
import { ADMIN, NURSE, ok, openTempCore, setChartOutbox, tempDir, type TempCore } from '#db/testing/temp-core';
import type { DeliveryChannelName } from '#shared/contract/delivery';
import type { DeliverySettings } from '#shared/contract/delivery-settings';
import type { PeerAddresses, PeerCounts } from '../lib/delivery-peers';
import { sampleMemory, type MemoryRun } from '../lib/memory-sampler';
import type { Measurement } from '../lib/result';
import { summarize, time, type Summary } from '../lib/stats';

const NOTES = Number(process.env.BENCH_DELIVERY_NOTES ?? 1000);
const ALONE = Math.min(100, NOTES);
const SIZE = `${NOTES.toLocaleString('en-US')} notes`;
const FHIR_CLEAR_EVERY = 100;
const CHANNELS: { name: DeliveryChannelName; label: string; ends: 'delivered' | 'acknowledged' }[] = [
  { name: 'folder', label: 'folder drop (.hl7 file, atomic, fsync)', ends: 'delivered' },
  { name: 'mllp', label: 'HL7 v2 MDM over MLLP to node-hl7-server (ACK AA)', ends: 'acknowledged' },
  { name: 'fhir', label: 'FHIR R4 transaction to Medplum fhir-router over HTTP', ends: 'acknowledged' },
];

interface Peers extends PeerAddresses {
  counts(): Promise<PeerCounts>;
  close(): void;
}

/** The receivers' process; the bundle puts delivery-peers.mjs beside main.mjs (bench/run.mjs). */
async function startPeers(): Promise<Peers> {
  const child = fork(fileURLToPath(new URL('./delivery-peers.mjs', import.meta.url)), [String(FHIR_CLEAR_EVERY)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>() => new Promise<T>((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => reject(new Error(`the receivers' process ended (exit ${code})`)));
  });
  const addresses = await next<PeerAddresses>();
  return {
    ...addresses,
    counts: () => {
      const answer = next<PeerCounts>();
      child.send('count');
      return answer;
    },
    close: () => child.send('close'),
  };
}

/** One patient, encounter, consent and signed note per number, each exported (and so queued on every channel). */
async function makeQueuedNotes(core: TempCore): Promise<void> {
  for (let i = 0; i < NOTES; i++) {
    const { encounterId } = await signedEncounter(core, `MRN-D${String(i).padStart(5, '0')}`, 0);
    ok(await core.act('note.exportToOutbox', { actor: NURSE, encounterId }));
  }
}

interface ChannelRun {
  perNote: Summary;
  totalMs: number;
  memory: MemoryRun;
  /** What the receiver said, with how many notes it said it for. */
  said: string;
}

async function deliverOver(core: TempCore, channel: (typeof CHANNELS)[number], all: DeliverySettings, drop: string): Promise<ChannelRun> {
  const only: DeliverySettings = { ...all, folder: channel.name === 'folder' ? all.folder : null, mllp: channel.name === 'mllp' ? all.mllp : null, fhir: channel.name === 'fhir' ? all.fhir : null };
  ok(await core.act('settings.update', { actor: ADMIN, delivery: only }));
  const startedAt = Date.now();
  const started = performance.now();
  const { value: attempts, memory } = await sampleMemory(() => core.delivery.runDue());
  const totalMs = performance.now() - started;

  const states = core.db.prepare('SELECT state, count(*) AS n FROM delivery_queue WHERE channel = ? GROUP BY state').all(channel.name) as { state: string; n: number }[];
  const ended = states.find((s) => s.state === channel.ends)?.n ?? 0;
  if (attempts !== NOTES || ended !== NOTES) {
    const said = core.db.prepare('SELECT receiver_said FROM delivery_queue WHERE channel = ? AND state <> ? LIMIT 3').pluck().all(channel.name, channel.ends);
    throw new Error(`${channel.name}: ${ended} of ${NOTES} notes ended ${channel.ends} after ${attempts} attempts (states ${JSON.stringify(states)}; the receiver said ${JSON.stringify(said)}): no number is reported`);
  }
  const stamps = core.db.prepare("SELECT at FROM audit_log WHERE action = 'delivery.attempt' AND target LIKE ? ORDER BY seq").pluck().all(`%/channel:${channel.name}/%`) as string[];
  const times = [startedAt, ...stamps.map((s) => Date.parse(s))];
  const perNote = summarize(times.slice(1).map((t, i) => t - times[i]!));
  const said = core.db.prepare('SELECT receiver_said FROM delivery_queue WHERE channel = ?').pluck().all(channel.name) as string[];
  const kinds = new Map<string, number>();
  for (const s of said) {
    const kind = s.replace(drop, 'the drop folder').replace(/: DocumentReference\/.*$/, ': DocumentReference/…');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return { perNote, totalMs, memory, said: [...kinds].map(([k, n]) => `"${k}" ×${n}`).join(', ') };
}

const mb = (n: number) => `${n.toFixed(0)} MB`;

function rows(channel: (typeof CHANNELS)[number], run: ChannelRun, folder: ChannelRun | null, extra: string, numbers: Record<string, number> = {}): Measurement[] {
  const nps = NOTES / (run.totalMs / 1000);
  const ratio = folder ? run.totalMs / folder.totalMs : 1;
  const m = run.memory;
  return [
    {
      bench: 'delivery', size: SIZE, label: `${channel.label}: time per note through the delivery worker`, unit: 'ms', summary: run.perNote,
      ...(folder ? { baseline: { label: 'the folder drop, same worker and notes', summary: folder.perNote } } : {}),
      note: `${(run.totalMs / 1000).toFixed(1)} s for ${NOTES.toLocaleString('en-US')} notes, ${nps.toFixed(0)} notes/s${folder ? `, ${ratio.toFixed(1)}× the folder's total time` : ''}; all ${NOTES.toLocaleString('en-US')} ${channel.ends}: ${run.said}${extra}`,
      extra: { totalMs: run.totalMs, notesPerSecond: nps, ratioToFolder: ratio, medianMs: run.perNote.median, ...numbers },
    },
    {
      bench: 'delivery', size: SIZE, label: `${channel.label}: resident memory through the run`, unit: 'MB',
      summary: { ...summarize(m.rss), max: Math.max(...m.rss) },
      ...(folder ? { baseline: { label: 'the folder drop', summary: { ...summarize(folder.memory.rss), max: Math.max(...folder.memory.rss) } } } : {}),
      note: `RSS before ${mb(m.before.rss)}, highest sample ${mb(Math.max(...m.rss))} (${m.rss.length} samples), after GC ${mb(m.afterGc.rss)}; V8 heap before ${mb(m.before.heap)}, peak ${mb(m.heapPeak)}, after GC ${mb(m.afterGc.heap)}; process peak RSS so far ${mb(m.processPeakRss)}`,
      extra: { rssBefore: m.before.rss, rssPeak: Math.max(...m.rss), heapPeak: m.heapPeak, rssAfterGc: m.afterGc.rss, heapAfterGc: m.afterGc.heap },
    },
  ];
}

/**
 * The parts alone, for the first notes: the same file write, the same MLLP round trip, and two durable
 * commits of one queue row (the worker commits the claim, then the outcome with its audit entry).
 */
async function sendAlone(core: TempCore, mllpPort: number): Promise<Measurement[]> {
  const payloads = core.db.prepare("SELECT payload FROM delivery_queue WHERE channel = 'mllp' ORDER BY rowid LIMIT ?").pluck().all(ALONE) as string[];
  const scratch = tempDir('pd-bench-drop-alone-');
  try {
    const write = await time(ALONE, (i) => writeFileAtomic(scratch, `alone-${i}.hl7`, `${payloads[Math.abs(i) % ALONE]!}\r`, `w${i}`), 5);
    const roundTrip = await time(ALONE, async (i) => {
      const ack = await sendMllp({ host: '127.0.0.1', port: mllpPort, timeoutMs: 30_000 }, payloads[Math.abs(i) % ALONE]!);
      if (!/\rMSA\|AA\|/.test(ack)) throw new Error(`the receiver did not answer AA: ${ack.slice(0, 200)}`);
    }, 5);
    // A scratch row in the same (throwaway) database file; the value changes each time, since SQLite
    // commits an update that changes nothing without writing a page (measured: ~0.1 ms against ~1 ms).
    core.db.exec('CREATE TABLE bench_scratch (id INTEGER PRIMARY KEY, at TEXT NOT NULL) STRICT; INSERT INTO bench_scratch VALUES (1, \'\')');
    const touch = core.db.prepare('UPDATE bench_scratch SET at = ? WHERE id = 1');
    const commits = await time(ALONE, (i) => {
      for (let k = 0; k < 2; k++) core.db.transaction(() => touch.run(`${i}.${k}`)).immediate();
    }, 5);
    const bytes = payloads.reduce((n, p) => n + Buffer.byteLength(p), 0) / payloads.length;
    const note = `${ALONE} of the same messages (about ${(bytes / 1024).toFixed(0)} KiB each), no queue, no audit`;
    return [
      { bench: 'delivery', size: SIZE, label: 'the file write alone (writeFileAtomic: write, fsync, rename)', unit: 'ms', summary: write, note, extra: { medianMs: write.median } },
      { bench: 'delivery', size: SIZE, label: 'the MLLP round trip alone (sendMllp: connect, frame, ACK AA, close)', unit: 'ms', summary: roundTrip, note, extra: { medianMs: roundTrip.median } },
      {
        bench: 'delivery', size: SIZE, label: 'two durable commits of a one-row update alone (BEGIN IMMEDIATE … COMMIT, synchronous=FULL, twice)', unit: 'ms', summary: commits,
        note: `${ALONE} runs; the worker's two commits per attempt also write the attempt's audit entry (with its HMAC chain) and the queue's index pages`, extra: { medianMs: commits.median },
      },
    ];
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

export async function benchDelivery(): Promise<Measurement[]> {
  const peers = await startPeers();
  const core = openTempCore();
  const outbox = tempDir('pd-bench-delivery-outbox-');
  const drop = tempDir('pd-bench-delivery-drop-');
  try {
    const all: DeliverySettings = {
      folder: drop, mllp: { host: '127.0.0.1', port: peers.mllpPort, timeoutSeconds: 30 },
      fhir: { base: peers.fhirBase, auth: { kind: 'none' }, timeoutSeconds: 30 }, retryBaseSeconds: 30, retryCapSeconds: 120,
    };
    await setChartOutbox(core, outbox, { delivery: all });
    const made = performance.now();
    await makeQueuedNotes(core);
    console.log(`  delivery: ${NOTES} notes signed and exported (queued on 3 channels) in ${((performance.now() - made) / 1000).toFixed(0)} s`);

    const folder = await deliverOver(core, CHANNELS[0]!, all, drop);
    const files = fs.readdirSync(drop).filter((f) => f.endsWith('.hl7')).length;
    if (files !== NOTES) throw new Error(`folder: ${files} .hl7 files in the drop folder, not ${NOTES}`);
    const mllp = await deliverOver(core, CHANNELS[1]!, all, drop);
    const afterMllp = await peers.counts();
    if (afterMllp.mllpMessages !== NOTES) throw new Error(`mllp: node-hl7-server received ${afterMllp.mllpMessages} messages, not ${NOTES}`);
    const fhir = await deliverOver(core, CHANNELS[2]!, all, drop);
    const afterFhir = await peers.counts();
    const requests = afterFhir.fhirRequests - afterMllp.fhirRequests;
    const mllpPayload = core.db.prepare("SELECT payload FROM delivery_queue WHERE channel = 'mllp' LIMIT 1").pluck().get() as string;
    const bundle = core.db.prepare("SELECT payload FROM delivery_queue WHERE channel = 'fhir' LIMIT 1").pluck().get() as string;
    const entries = (JSON.parse(bundle) as { entry: unknown[] }).entry.length;
    const routerMs = afterFhir.fhirRouterMs - afterMllp.fhirRouterMs;
    const clears = Math.floor(NOTES / FHIR_CLEAR_EVERY);
    const fhirExtra = `; each Bundle ${entries} entries, about ${(Buffer.byteLength(bundle) / 1024).toFixed(0)} KiB; the server answered ${requests.toLocaleString('en-US')} HTTP requests (${(requests / NOTES).toFixed(1)} per note), ` +
      `${afterFhir.fhirTransactions.toLocaleString('en-US')} of them transactions, and spent ${(routerMs / 1000).toFixed(1)} s inside Medplum's router (${(routerMs / NOTES).toFixed(1)} ms a note, ${((100 * routerMs) / fhir.totalMs).toFixed(0)}% of the run); ` +
      `its store was emptied ${afterFhir.fhirClears} times, after every ${FHIR_CLEAR_EVERY} transactions (${afterFhir.fhirClearMs.toFixed(1)} ms in all, after the answer was sent)`;
    if (afterFhir.fhirTransactions !== NOTES) throw new Error(`fhir: the server saw ${afterFhir.fhirTransactions} transactions for ${NOTES} notes`);
    if (afterFhir.fhirClears !== clears) throw new Error(`fhir: the server's store was emptied ${afterFhir.fhirClears} times, not ${clears}`);
    return [
      ...rows(CHANNELS[0]!, folder, null, `; ${files} files in the drop folder`),
      ...rows(CHANNELS[1]!, mllp, folder, `; node-hl7-server received ${afterMllp.mllpMessages.toLocaleString('en-US')} messages`, { messageKiB: Buffer.byteLength(mllpPayload) / 1024 }),
      ...rows(CHANNELS[2]!, fhir, folder, fhirExtra, { requestsPerNote: requests / NOTES, bundleEntries: entries, peerMsPerNote: routerMs / NOTES, peerShare: routerMs / fhir.totalMs, keptNotes: FHIR_CLEAR_EVERY }),
      ...(await sendAlone(core, peers.mllpPort)),
    ];
  } finally {
    peers.close();
    core.cleanup();
    for (const dir of [outbox, drop]) fs.rmSync(dir, { recursive: true, force: true });
  }
}
