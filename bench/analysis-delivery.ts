/** RESULTS.md section 8: how delivery throughput is measured (above the table) and what the numbers say (below it). */
import type { Measurement } from './lib/result';
import { ms } from './lib/stats';

export const DELIVERY_METHOD =
  '1,000 signed notes made through the dispatcher in a fresh temporary database (one patient, encounter, consent and signature each) and exported once each, which queues each note ' +
  'on the three channels together (`bench/node/delivery.ts`). Then the app\'s delivery worker (`core.delivery.runDue`, the code the timer runs) sends the whole queue of one channel at a time, ' +
  'in the same process: the folder drop first (the baseline), then HL7 v2 MDM^T02 over MLLP to node-hl7-server answering AA, then the FHIR R4 transaction Bundle to Medplum\'s ' +
  '`@medplum/fhir-router` served over HTTP, both on loopback in a child process of their own (so what they store is not counted here; the same peers the delivery tests start). ' +
  'The FHIR server\'s in-memory store is emptied after every 100th transaction (after answering it; the time it took is in the FHIR row), because Medplum\'s in-memory search matches ' +
  'every stored resource of a type, so with all notes kept its time per note grew with every note stored (trial runs on this machine with every note kept, load average 2 to 7: 31 s for 100 notes, 167 s for 200; 244 ms, then 790 ms a note at the median). ' +
  'Time per note is the gap between consecutive attempts\' audit entries (millisecond stamps); the total is the worker run. Memory is `process.memoryUsage()` sampled every 5 ms while the ' +
  'event loop turns, before and after, and after a full GC. The benchmark fails, and reports nothing, unless every note ended acknowledged (MLLP, FHIR) or delivered (folder) in the queue ' +
  'and the receivers counted them.';

const find = (rows: Measurement[], label: string, unit: Measurement['unit'] = 'ms') => rows.find((m) => m.bench === 'delivery' && m.unit === unit && m.label.startsWith(label));
const n = (m: Measurement | undefined, key: string) => m?.extra?.[key] ?? Number.NaN;

export function delivery(rows: Measurement[]): string {
  const folder = find(rows, 'folder drop');
  const mllp = find(rows, 'HL7 v2 MDM over MLLP');
  const fhir = find(rows, 'FHIR R4 transaction');
  if (!folder || !mllp || !fhir) return '';
  const line = (name: string, time: Measurement, mem: Measurement | undefined) =>
    `- ${name}: ${(n(time, 'totalMs') / 1000).toFixed(1)} s, ${n(time, 'notesPerSecond').toFixed(0)} notes/s, ${ms(time.summary.median)} ms a note (p95 ${ms(time.summary.p95)} ms)` +
    `${time === folder ? '' : `, ${n(time, 'ratioToFolder').toFixed(1)}× the folder's time`}; RSS peak ${n(mem, 'rssPeak').toFixed(0)} MB, heap peak ${n(mem, 'heapPeak').toFixed(0)} MB, ` +
    `after GC ${n(mem, 'rssAfterGc').toFixed(0)} MB RSS and ${n(mem, 'heapAfterGc').toFixed(0)} MB heap.`;
  const mem = (label: string) => find(rows, label, 'MB');
  const alone = (label: string) => find(rows, label)?.summary.median ?? Number.NaN;
  const [write, trip, commits] = [alone('the file write alone'), alone('the MLLP round trip alone'), alone('two durable commits')];
  const than = (a: number, b: number) => (a < b ? 'less' : 'more');
  const mems = ['folder drop', 'HL7 v2 MDM over MLLP', 'FHIR R4 transaction'].map((l) => mem(l));
  const growth = Math.max(...mems.map((m) => n(m, 'rssPeak') - n(m, 'rssBefore')));
  const settled = Math.max(...mems.map((m) => n(m, 'rssAfterGc') - n(m, 'rssBefore')));
  return [
    line('Folder', folder, mems[0]),
    line('MLLP', mllp, mems[1]),
    line('FHIR', fhir, mems[2]),
    '',
    `Why the ratios are what they are (medians from the rows above): the worker sends one note at a time and every attempt, on any channel, is two durable commits in the app's ` +
      `database (the claim before sending; the outcome with its audit entry after). Two such commits of one row alone take ${ms(commits)} ms. ` +
      `The folder drop adds the file, written, fsynced and renamed into place: ${ms(write)} ms alone, ${ms(folder.summary.median)} ms a note in all. ` +
      `MLLP opens one connection per message and waits for the ACK before the next note: that round trip alone (a ${n(mllp, 'messageKiB').toFixed(0)} KiB message out, ` +
      `the ACK back, on loopback) takes ${ms(trip)} ms, ${than(trip, write)} than the file write, so a note over MLLP costs ${n(mllp, 'ratioToFolder').toFixed(1)}× the folder's time. ` +
      `FHIR makes ${n(fhir, 'requestsPerNote').toFixed(1)} HTTP requests a note (the DocumentReference looked up by its identifier, then the ${n(fhir, 'bundleEntries').toFixed(0)}-entry ` +
      `transaction; the CapabilityStatement once a run) and waits for the server to store the transaction before the next note: ${ms(fhir.summary.median)} ms a note, ` +
      `${n(fhir, 'ratioToFolder').toFixed(1)}× the folder's time. On average over the run a note took ${ms(1000 / n(fhir, 'notesPerSecond'))} ms, of which the server spent ` +
      `${ms(n(fhir, 'peerMsPerNote'))} ms inside Medplum's router (${(100 * n(fhir, 'peerShare')).toFixed(0)}%, in its own process, while the sender waited); the rest, ` +
      `${ms(1000 / n(fhir, 'notesPerSecond') - n(fhir, 'peerMsPerNote'))} ms a note, is the two HTTP exchanges (both sides' JSON and the transfer) and the sender's own work, ` +
      'its two commits included; how that rest splits is not measured here. ' +
      `Memory: the resident size rose at most ${growth.toFixed(0)} MB during any channel's run, and after a GC it stood at most ${settled.toFixed(0)} MB above where that run started; ` +
      'the worker reads the queue 20 rows at a time, so no channel holds the 1,000 payloads at once.',
  ].join('\n');
}
