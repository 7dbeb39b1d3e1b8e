// Hostile text through every text field that reaches the note, into every export
// format (issue 16, point 6; what the contract refuses is in db/contract.fuzz.test.ts):
// what it accepts (delimiters, markup, quotes, decomposed accents, line
// breaks in long text) comes out so that the FHIR Bundle validates offline, the
// HL7 message parses with its six segments and gives each name back whole, and
// the PDF and the text show no line the text did not earn. Text an older version
// stored with control and bidi characters exports exactly as its clean form.
process.env.TZ = 'America/Chicago';

import { Hl7Message } from '@medplum/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { unescapeHl7 } from '#shared/interop/hl7-mdm';
import type { NoteContent } from '#shared/note/model';
import { renderNoteText } from '#shared/note/text';
import { TEST_NPI, testProvider } from '../testing/chart-identity';
import { expectValidBundle, fhirTerminology } from '../testing/fhir-validate';
import { pdfPages } from '../testing/pdf-text';
import { exportWithTexts, flattened, type Exported, type Texts } from './hostile-scenario';
import { renderNotePdf } from './pdf';

// eslint-disable-next-line no-control-regex
const REFUSED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]/;
const LONG = 'First line |^~\\& <i>x</i> "q" & it\'s\n- fake item\nFAKE HEADING\nName: EVIL, Fake\nMSH|^~\\&|EVIL|\n\tTabbed on';
const line = (s: string) => `${s} |^~\\& <b>"x"</b> & it's`;

/** Through the contract: every value may be sent as it is (the decomposed é is stored composed). */
const ALLOWED: Texts = {
  family: "O'Brien|^~\\&<Núñez>", given: 'Jose\u0301 "Zoë"', indication: LONG,
  place: line('Room'), diagnosis: LONG, benefitsNote: LONG, alternativesNote: LONG, question: LONG, answer: LONG, teachBack: LONG,
  surrogateName: 'Ana ^María& ~Ibáñez|', relationship: line('daughter'), surrogateReason: line('delirium'),
  presentName: 'Nina <Nurse> & "Co"', presentRole: line('nurse'), language: 'es', interpreterId: 'INT|^~\\&-7',
  naReason: line('not at this level'), signerName: 'Ana ^María& ~Ibáñez|', raiseReason: line('platelets 70'),
  physicianName: 'Dr Ñ^&|~\\ <Ávila>', attestation: LONG, addendumReason: line('Level corrected'), addendumText: LONG,
};

const CLEAN: Texts = {
  family: 'Doe-Smith', given: 'Jane Ann', indication: 'Axial low back pain\nfor 6 months.',
  place: 'Room 2', diagnosis: 'Facet arthropathy', benefitsNote: 'Relief expected', alternativesNote: 'Physical therapy', question: 'Will it hurt?', answer: 'A little.', teachBack: 'A test block\nfor my back',
  surrogateName: 'John Doe', relationship: 'son', surrogateReason: 'delirium', presentName: 'Nina Nurse', presentRole: 'nurse', language: 'es', interpreterId: 'INT-1',
  naReason: 'not at this level', signerName: 'John Doe', raiseReason: 'platelets 70', physicianName: 'Dr Pat Physician', attestation: 'I held the discussion.',
  addendumReason: 'Level corrected', addendumText: 'The level is L4.',
};

/** The lines of the text export that start at the margin: headings, "- " items, "Label:" rows, paragraphs. */
const marginLines = (text: string) => text.split('\n').filter((l) => l !== '' && !l.startsWith(' '));
const pdfLines = (e: Exported) => e.pdf.join('\n').split('\n');

let allowed: Exported;
let allowedFlat: Exported;
beforeAll(async () => {
  fhirTerminology();
  allowed = await exportWithTexts(ALLOWED);
  allowedFlat = await exportWithTexts(flattened(ALLOWED));
}, 180_000);

describe('hostile text the contract accepts, in every export', () => {
  it('FHIR: the Bundle validates offline, and the names are the composed (NFC) ones', () => {
    expectValidBundle(allowed.bundle);
    const patient = allowed.bundle.entry.find((e) => e.resource.resourceType === 'Patient')!.resource as { name: { family: string; given: string[] }[] };
    expect(patient.name[0]).toMatchObject({ family: ALLOWED.family, given: ['José "Zoë"'] });
  });

  it('HL7: six segments, each name back whole from its own field and components', () => {
    expect(allowed.hl7.endsWith('\r')).toBe(true);
    expect(allowed.hl7.slice(0, -1).split('\r')).toHaveLength(6);
    const message = Hl7Message.parse(allowed.hl7.trimEnd());
    expect(message.segments.map((s) => s.name)).toEqual(['MSH', 'EVN', 'PID', 'PV1', 'TXA', 'OBX']);
    const pid = message.getSegment('PID')!;
    expect(pid.fields).toHaveLength(9);
    expect(unescapeHl7(pid.getComponent(5, 1))).toBe(ALLOWED.family);
    expect(unescapeHl7(pid.getComponent(5, 2))).toBe('José "Zoë"');
    const txa = message.getSegment('TXA')!;
    expect(txa.fields).toHaveLength(23);
    // The signer goes by XCN (HL7 v2.5.1 §2.A.88): 1 ID, 2 family, 3 given; the given name holds every delimiter.
    const signer = testProvider(ALLOWED.physicianName);
    expect([signer.givenName, signer.familyName]).toEqual(['Ñ^&|~\\', '<Ávila>']);
    for (const field of [5, 9, 10, 22]) {
      expect(txa.getComponent(field, 1)).toBe(TEST_NPI);
      expect(unescapeHl7(txa.getComponent(field, 2))).toBe(signer.familyName);
      expect(unescapeHl7(txa.getComponent(field, 3))).toBe(signer.givenName);
    }
  });

  it('text: no refused character, and a line break typed in long text never starts a line at the margin', () => {
    expect(allowed.text).not.toMatch(REFUSED);
    // As many margin lines as when every text is on one line: the typed lines only continue, indented.
    expect(marginLines(allowed.text)).toHaveLength(marginLines(allowedFlat.text).length);
    for (const fake of ['- fake item', 'FAKE HEADING', 'Name: EVIL', 'MSH|']) {
      expect(allowed.text).toContain(`  ${fake}`);
      expect(marginLines(allowed.text).filter((l) => l.startsWith(fake)), fake).toEqual([]);
    }
    expect(allowed.text).toContain("Name: O'BRIEN|^~\\&<NÚÑEZ>, José \"Zoë\"\n");
    expect(allowed.text.normalize('NFC')).toBe(allowed.text);
  });

  it('PDF: no refused character; every page carries the name, MRN and birth date on one line', () => {
    const header = `O'BRIEN|^~\\&<NÚÑEZ>, José "Zoë" MRN ${allowed.mrn} DOB ${allowed.birthDate}`;
    for (const page of allowed.pdf) {
      expect(page).not.toMatch(REFUSED);
      expect(page.split('\n')).toContain(header);
    }
    expect(pdfLines(allowed)).toContain(`Name O'BRIEN|^~\\&<NÚÑEZ>, José "Zoë"`);
  });
});

describe('text stored before the rules (control, bidi and line-break characters in the database)', () => {
  let baseline: Exported;
  let legacy: Exported;
  beforeAll(async () => {
    baseline = await exportWithTexts(CLEAN);
    legacy = await exportWithTexts(CLEAN, (core, { patientId, encounterId }) => {
      const db = core.db;
      db.prepare('UPDATE patients SET family_name = ?, given_name = ? WHERE id = ?').run('\u202eDoe-Smith\u001b\u0007', 'Jane\r\nAnn\u0000', patientId);
      db.prepare('UPDATE encounters SET indication = ? WHERE id = ?').run('Axial low back\u2066 pain\r\nfor 6\u001b months.', encounterId);
      const row = db.prepare('SELECT content_json, updated_by_name FROM consent_discussions WHERE encounter_id = ?').get(encounterId) as { content_json: string; updated_by_name: string };
      const consent = JSON.parse(row.content_json) as Record<string, unknown> & { questions: { question: string }[]; capacity: { name: string }; present: { name: string }[]; interpreter: { language: string } };
      consent.place = 'Room\u00852';
      consent.teachBack = 'A test block\r\nfor my\u202e back';
      consent.questions[0]!.question = 'Will it\u009b hurt?';
      consent.capacity.name = 'John\u2028Doe';
      consent.present[0]!.name = 'Nina\tNurse';
      consent.interpreter.language = '\u2067Spanish\u2069';
      db.prepare('UPDATE consent_discussions SET content_json = ?, updated_by_name = ? WHERE encounter_id = ?').run(JSON.stringify(consent), `\u202b${row.updated_by_name}\u202c`, encounterId);
      db.prepare("UPDATE checklist_items SET reason = ? WHERE encounter_id = ? AND status = 'not-applicable'").run('not at\u0007 this level', encounterId);
    });
  }, 120_000);

  it('FHIR: the Bundle still validates offline', () => {
    expectValidBundle(legacy.bundle);
  });

  it('text: no ESC, BEL, NUL, RLO or any other refused character', () => {
    expect(legacy.text).not.toMatch(REFUSED);
  });

  it('PDF: a CR LF stored in a name adds no line; the header stays one line', () => {
    for (const page of legacy.pdf) expect(page.split('\n')).toContain(`DOE-SMITH, Jane Ann MRN ${legacy.mrn} DOB ${legacy.birthDate}`);
    expect(pdfLines(legacy)).toHaveLength(pdfLines(baseline).length);
    expect(legacy.pdf.join('\n')).not.toMatch(REFUSED);
  });

  it('HL7: the same six segments', () => {
    expect(Hl7Message.parse(legacy.hl7.trimEnd()).segments.map((s) => s.name)).toEqual(['MSH', 'EVN', 'PID', 'PV1', 'TXA', 'OBX']);
  });

  it('every format is exactly what the clean text exports', () => {
    expect(legacy.text).toBe(baseline.text);
    expect(legacy.pdf).toEqual(baseline.pdf);
    expect(legacy.hl7).toBe(baseline.hl7);
    expect(legacy.bundle).toEqual(baseline.bundle);
  });
});

describe('a note signed before the rules, its stored content holding such characters', () => {
  // A signed note is exported exactly as signed (never rebuilt), so the renderings themselves neutralise.
  const tainted = (text: string) => `\u202e${text}\u001b[2J\u0007`;
  const note: NoteContent = {
    title: tainted('Consent discussion note'),
    runningHeader: { patientName: 'DOE\r\nSMITH, Jane\u0000', mrn: tainted('MRN-1'), birthDate: '1960-01-01' },
    sections: [{
      heading: tainted('Patient'),
      blocks: [
        { kind: 'fields', rows: [['Name\r\nFAKE', 'DOE\u2028SMITH, Jane'], ['Diagnosis', 'line one\r\nline two\u0085line three']] },
        { kind: 'paragraph', text: tainted('A paragraph\nFAKE HEADING') },
        { kind: 'list', items: [tainted('an item\n- fake item')] },
        { kind: 'signature', label: tainted('Patient\nsigned'), caption: 'on paper\r\n', imagePngBase64: null },
      ],
    }],
  };

  it('text: none of them, labels and headings on one line, a value\'s own lines indented', () => {
    const text = renderNoteText(note);
    expect(text).not.toMatch(REFUSED);
    expect(marginLines(text)).toEqual([
      'CONSENT DISCUSSION NOTE[2J', 'PATIENT[2J', 'Name FAKE: DOE', 'Diagnosis: line one', 'A paragraph', '- an item', 'Patient signed[2J. on paper .',
    ]);
    // A field's value may be long text, so a break in it continues indented under its row.
    expect(text).toContain('Name FAKE: DOE\n  SMITH, Jane\nDiagnosis: line one\n  line two\n  line three\nA paragraph\n  FAKE HEADING[2J\n- an item\n  - fake item[2J\n');
  });

  it('PDF: none of them, and the running header on one line on every page', async () => {
    const pages = await pdfPages(await renderNotePdf(note, { generatedAt: '2026-11-24T15:00:00.000Z', subject: 'test' }));
    for (const page of pages) {
      expect(page).not.toMatch(REFUSED);
      expect(page.split('\n')).toContain('DOE SMITH, Jane MRN MRN-1[2J DOB 1960-01-01');
    }
  });
});
