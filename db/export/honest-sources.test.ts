// A chart note cites what a chart may cite (fact-reference.md, citing rules 1–3): the
// template with its version and, at most, the primary guidelines the discussion rests
// on. This test reads every chart export there is, the committed golden files
// (db/export/golden/: text, HL7, FHIR JSON and the PDF's extracted text) and a signed
// note of every template of the library exported through the real core (note.export:
// its text and the text PDF.js extracts from its PDF), and fails on:
// - an address or name of a copy, mirror, forum or AI-summary host (COPY_HOSTS);
// - any low-reliability source: its citation, its address or its note;
// - any source that is not a primary guideline of the chart list: its citation or address;
// - a numbered bibliography or per-statement reference numbers ("[13, 14]");
// - the fact base named, or words of a copy ("code corpus", "mirror copy", "text copy").
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Patient } from '#shared/contract/patient';
import { LIBRARY } from '#shared/library/index';
import { COPY_HOSTS, copyHostIn } from '#shared/library/source-schema';
import { CHART_GUIDELINE_IDS, SOURCES } from '#shared/library/sources';
import { pdfPages } from '../testing/pdf-text';
import { signedNote } from '../testing/signed-note';
import { NURSE, ok, openTempCore, type TempCore } from '../testing/temp-core';

const GOLDEN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');

/** Words that only a copy, a mirror or the fact base would bring into a chart. */
const COPY_WORDS = [/code corpus/i, /mirror cop/i, /text copy/i, /\bscribd copy/i, /clinical-facts/i, /\bfact base\b/i, /as summari[sz]ed in/i];

/**
 * Wording inside the bundled template versions that reaches the chart (a counselling
 * item's clinician text is the label of its line) and that this change cannot touch: a
 * template version's content is hashed, so rewording it is a new template version, the
 * clinical team's work. Each is tolerated only in the template that carries it, and only
 * as the exact phrase; anything else of the kind fails. Remove an entry when its template
 * is reworded.
 */
const KNOWN_TEMPLATE_WORDING: readonly { templateIds: readonly string[]; phrase: string }[] = [
  // A copy site named as if it were the source; the registry cites the chapter, with no verified primary source.
  { templateIds: ['trigger-point-injection'], phrase: '(aneskey chapter)' },
  // The fact base named in a counselling line.
  { templateIds: ['scs-trial', 'scs-permanent-implant'], phrase: '(the fact base does not give separate trial and implant rates)' },
];

/** Long enough to be a source's own words and no chart's; a citation's first 60 characters identify it. */
const fingerprint = (text: string) => text.replace(/\s+/g, ' ').slice(0, 60);

/** What a chart export must not contain, each with the reason it may not. */
function forbiddenIn(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ');
  // PDF.js breaks a long address or word at a hyphen or a slash across lines: compare without the breaks as well.
  const joined = flat.replace(/([-/]) /g, '$1');
  const problems: string[] = [];
  const host = copyHostIn(joined);
  if (host) problems.push(`names the copy/forum/AI host "${host}"`);
  for (const word of COPY_WORDS) if (word.test(flat)) problems.push(`says "${flat.match(word)![0]}"`);
  const guideline = new Set(CHART_GUIDELINE_IDS);
  for (const s of SOURCES) {
    if (guideline.has(s.id)) continue;
    const why = s.reliability === 'low' ? `low-reliability source ${s.id}` : `source ${s.id}, not a primary guideline of a chart`;
    if (joined.includes(fingerprint(s.citation))) problems.push(`cites the ${why}`);
    if (s.url && joined.includes(s.url)) problems.push(`gives the address of the ${why}`);
    if (s.note && joined.includes(fingerprint(s.note))) problems.push(`carries the reference-view note of ${s.id}`);
  }
  if (/No verified primary source:|ProcedureDesk clinical team consensus/.test(flat)) problems.push('prints a low-reliability source label');
  const numbered = flat.match(/\[\d+(?:, \d+)*\]/);
  if (numbered) problems.push(`carries a reference number "${numbered[0]}"`);
  return problems;
}

describe('the chart exports cite no copy, no low-reliability source and no bibliography', () => {
  it('the check itself catches what the issue found (the exports before this change)', () => {
    const before = [
      '- [1] AAPM&R, PM&R KnowledgeNow: "Spinal procedures". https://now.aapmr.org/spinal-procedures',
      '- [6] AI-generated summary on medial branch block injectate volume (droracle.ai; verify). droracle.ai/articles/676215',
      '- [22] AMA Code of Medical Ethics, Opinion 2.1.1 "Informed Consent" (text copy). https://www.scribd.com/document/526971649/x',
      '- [4] ClinicalTrials.gov NCT01020929: exclusion criteria of a transforaminal injection trial (as summarised in the code corpus)',
      '- [2] ProcedureDesk clinical fact base (clinical-facts.md) §2.0, §2.2, §6: facts tagged [M]',
      'Intravascular entry: The needle can enter a small blood vessel. [7, 5]',
    ];
    for (const line of before) expect(forbiddenIn(line), line).not.toEqual([]);
    // A source of the registry that is not a chart guideline, by its citation or its address.
    const statpearls = SOURCES.find((s) => s.id === 'statpearls-cervical-epidural')!;
    expect(forbiddenIn(`Sources: ${statpearls.citation}`)).not.toEqual([]);
    expect(forbiddenIn(`See ${statpearls.url!}`)).not.toEqual([]);
    const low = SOURCES.find((s) => s.id === 'droracle-aldrete')!;
    expect(forbiddenIn(low.citation)).not.toEqual([]);
    // The primary guidelines themselves may be named.
    const narouze = SOURCES.find((s) => s.id === 'narouze-2018-asra')!;
    expect(forbiddenIn(`Primary guidelines the discussion rests on:\n- ${narouze.citation}`)).toEqual([]);
    expect(COPY_HOSTS.length).toBeGreaterThan(10);
  });

  it('in every golden export: text, HL7, FHIR JSON and the PDF text', () => {
    const files = fs.readdirSync(GOLDEN_DIR).sort();
    expect(files.length).toBeGreaterThanOrEqual(24);
    for (const name of files) {
      expect(forbiddenIn(fs.readFileSync(path.join(GOLDEN_DIR, name), 'utf8')), name).toEqual([]);
    }
  });

  describe('in the signed note of every template, as note.export gives it (text and PDF)', () => {
    let core: TempCore;
    const exported = new Map<string, { text: string; pdfText: string }>();

    beforeAll(async () => {
      core = openTempCore({ now: () => new Date('2026-11-24T15:30:00.000Z') });
      const patient = ok<Patient>(await core.act('patient.create', { actor: NURSE, mrn: 'SRC-0001', familyName: 'Okafor', givenName: 'Ada', birthDate: '1966-02-14', sex: 'female' }));
      for (const template of LIBRARY) {
        const note = await signedNote(core, { patientId: patient.id, template });
        exported.set(template.id, { text: note.text, pdfText: (await pdfPages(Buffer.from(note.pdfBase64, 'base64'))).join('\n') });
      }
    }, 240_000);
    afterAll(() => core.cleanup());

    it('covers every template of the library', () => {
      expect([...exported.keys()].sort()).toEqual(LIBRARY.map((t) => t.id).sort());
    });

    it.each(LIBRARY.map((t) => t.id))('%s', (templateId) => {
      const { text, pdfText } = exported.get(templateId)!;
      const known = KNOWN_TEMPLATE_WORDING.filter((k) => k.templateIds.includes(templateId)).map((k) => k.phrase);
      const withoutKnown = (t: string) => known.reduce((acc, phrase) => acc.split(phrase).join(' '), t.replace(/\s+/g, ' '));
      expect(forbiddenIn(withoutKnown(text)), `${templateId}: text`).toEqual([]);
      expect(forbiddenIn(withoutKnown(pdfText)), `${templateId}: PDF`).toEqual([]);
      // It names the template version, and the full sources are left to the reference view.
      const template = LIBRARY.find((t) => t.id === templateId)!;
      expect(text).toContain(`Template: ${template.name}, version ${template.version} (${template.id})`);
      expect(text).toContain("listed in ProcedureDesk's procedure library");
    });
  });
});
