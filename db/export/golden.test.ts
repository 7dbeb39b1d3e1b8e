// Golden exports: the fixed encounters of golden-cases.ts go through the real core
// to the outbox, and every file it writes (text, HL7, FHIR JSON, and the PDF as
// PDF.js extracts its text) is compared byte for byte with db/export/golden/.
// Only what no reader needs is normalised: hashes and signing-key fingerprints,
// and the PDF's base64 inside HL7 and FHIR (its text has its own file). `npm run golden` writes them anew;
// review the diff as the records clerk and the physician would before committing.
process.env.TZ = 'America/Chicago';

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hl7Message } from '@medplum/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxExport } from '#shared/contract/note';
import type { FhirBundle } from '#shared/interop/fhir-resources';
import { expectValidBundle, fhirTerminology } from '../testing/fhir-validate';
import { pdfPages } from '../testing/pdf-text';
import { ADMIN, NURSE, ok, openTempCore, tempDir } from '../testing/temp-core';
import { GOLDEN_CASES, goldenClock, goldenIds, goldenKeys } from './golden-cases';
import { CHART_READY } from '../testing/chart-identity';

const GOLDEN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** With UPDATE_GOLDEN, the PDFs themselves are kept here to be looked at (they are not committed). */
const PDF_DIR = path.join(os.tmpdir(), 'proceduredesk-golden-pdfs');

/**
 * SHA-256 and SHA-1 digests change with any byte of the PDF or the content; a reader checks them, never reads them.
 * The Ed25519 signing key's fingerprint is a SHA-256 too (of keys from fixed seeds here, random in the app): named as such.
 */
const normaliseHashes = (text: string) => text
  .replace(/(signing\s+key\s+fingerprint\s+\(SHA-256\s+of\s+the\s+public\s+key\):\s*)[0-9a-f]{64}\b/g, '$1<Ed25519 key fingerprint>')
  .replace(/\b[0-9a-f]{64}\b/g, '<sha256>');

function normaliseFhir(json: string): string {
  const bundle = JSON.parse(json) as unknown;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!value || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (key === 'data' && typeof v === 'string' && v.length > 100) out[key] = `<PDF as base64: ${Buffer.from(v, 'base64').length} bytes>`;
      else if (key === 'hash' && typeof v === 'string') out[key] = '<sha1 of the PDF>';
      else out[key] = walk(v);
    }
    return out;
  };
  return normaliseHashes(`${JSON.stringify(walk(bundle), null, 2)}\n`);
}

/** One segment per line (the file separates them with CR, as MLLP does), the PDF's base64 replaced by its size. */
function normaliseHl7(message: string): string {
  const segments = message.split('\r').filter((s) => s.length > 0);
  const shown = segments.map((s) => s.replace(/\^Base64\^([A-Za-z0-9+/=]{100,})/, (_m, b64: string) => `^Base64^<PDF as base64: ${Buffer.from(b64, 'base64').length} bytes>`));
  return normaliseHashes(`${shown.join('\n')}\n`);
}

async function pdfText(pdf: Buffer): Promise<string> {
  const pages = await pdfPages(pdf);
  return normaliseHashes(pages.map((text, i) => `===== page ${i + 1} of ${pages.length} =====\n${text.trimEnd()}\n`).join('\n'));
}

/** Every golden file this run produced, by name. */
const produced = new Map<string, string>();
const raw = new Map<string, { hl7: string; bundle: FhirBundle }>();

beforeAll(async () => {
  // The notes print local times: this test fixes the zone, and checks it took effect.
  expect(new Date('2026-11-24T14:15:00.000Z').getHours()).toBe(8);
  fhirTerminology();
  for (const golden of GOLDEN_CASES) {
    const clock = goldenClock('2026-11-24T12:00:00.000Z');
    const core = openTempCore({ now: clock.now, newId: goldenIds(), newSigningKeyPair: goldenKeys() });
    const outbox = tempDir('proceduredesk-golden-outbox-');
    try {
      ok(await core.as(ADMIN)('settings.update', { outboxFolder: outbox, timeZone: 'America/Chicago', ...CHART_READY }));
      await golden.run({
        core,
        clock,
        async send(encounterId, label) {
          const exported = ok<OutboxExport>(await core.as(NURSE)('note.exportToOutbox', { encounterId }));
          const read = (format: string) => fs.readFileSync(path.join(outbox, exported.files.find((f) => f.format === format)!.file));
          const hl7 = read('hl7').toString('utf8');
          const fhir = read('fhir').toString('utf8');
          raw.set(label, { hl7, bundle: JSON.parse(fhir) as FhirBundle });
          produced.set(`${label}.txt`, normaliseHashes(read('text').toString('utf8')));
          produced.set(`${label}.hl7`, normaliseHl7(hl7));
          produced.set(`${label}.fhir.json`, normaliseFhir(fhir));
          produced.set(`${label}.pdf.txt`, await pdfText(read('pdf')));
          if (UPDATE) {
            fs.mkdirSync(PDF_DIR, { recursive: true });
            fs.writeFileSync(path.join(PDF_DIR, `${label}.pdf`), read('pdf'));
          }
        },
      });
    } finally {
      core.cleanup();
      fs.rmSync(outbox, { recursive: true, force: true });
    }
  }
  if (UPDATE) {
    fs.rmSync(GOLDEN_DIR, { recursive: true, force: true });
    fs.mkdirSync(GOLDEN_DIR, { recursive: true });
    for (const [name, text] of produced) fs.writeFileSync(path.join(GOLDEN_DIR, name), text);
  }
}, 180_000);

afterAll(() => {
  if (UPDATE) console.log(`golden: wrote ${produced.size} files to ${GOLDEN_DIR} (the PDFs to ${PDF_DIR}); read the diff before committing`);
});

describe('golden exports', () => {
  it('cover each case in every format: text, HL7, FHIR JSON and the PDF text', () => {
    const labels = [...raw.keys()];
    expect(labels).toEqual(['lumbar-tfesi-discharged', 'lumbar-mbb', 'addendum-1-original', 'addendum-2-replacement', 'cancelled', 'declined']);
    expect(produced.size).toBe(labels.length * 4);
  });

  it('match the committed files byte for byte (npm run golden writes them anew)', () => {
    const committed = fs.existsSync(GOLDEN_DIR) ? fs.readdirSync(GOLDEN_DIR).sort() : [];
    expect(committed, 'the golden folder holds exactly the files this run produces').toEqual([...produced.keys()].sort());
    for (const [name, text] of produced) {
      expect(text, `${name} differs from db/export/golden/${name}: run npm run golden and review the diff`).toBe(fs.readFileSync(path.join(GOLDEN_DIR, name), 'utf8'));
    }
  });

  it('never render an object as text, and every export of a note says what the note says', () => {
    for (const [name, text] of produced) {
      expect(text, name).not.toContain('[object Object]');
      expect(text, name).not.toMatch(/\bundefined\b|\bNaN\b/);
      // A glyph the PDF's font lacks extracts as NUL or U+FFFD: it printed as an empty box.
      expect(text.includes('\u0000') || text.includes('\ufffd'), name).toBe(false);
      // A label that is a sentence runs into its text as ".:" (shared/note/format.ts labelled()).
      expect(text.match(/.{0,40}\.:.{0,40}/g) ?? [], name).toEqual([]);
    }
    for (const label of raw.keys()) {
      const textCopy = produced.get(`${label}.txt`)!;
      const pdfCopy = produced.get(`${label}.pdf.txt`)!.replace(/\s+/g, ' ');
      // Every risk, FDA item, alternative and question line of the text copy is in the PDF too.
      for (const line of textCopy.split('\n').filter((l) => l.startsWith('- '))) {
        expect(pdfCopy, `${label}: "${line}"`).toContain(line.slice(2).replace(/\s+/g, ' ').split(' [')[0]!.slice(0, 60));
      }
    }
  });

  it('are valid for their receivers: the Bundle validates offline, the HL7 parses with CR between segments', () => {
    for (const [label, { hl7, bundle }] of raw) {
      expectValidBundle(bundle);
      expect(hl7.includes('\n'), label).toBe(false);
      const parsed = Hl7Message.parse(hl7.trimEnd());
      expect(parsed.segments.map((s) => s.name), label).toEqual(['MSH', 'EVN', 'PID', 'PV1', 'TXA', 'OBX']);
    }
  });
});
