// A signed consent note for one of the issue-15 templates (vertebral augmentation), through the
// real core on a real SQLite file: the risks in the patient's words with their natural frequencies,
// the marks of unverified and secondary statements, the High bleeding-risk class, and nothing the
// chart may not carry. NOTE_TEXT_OUT=<file> keeps the exported text for a person to read.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Patient } from '#shared/contract/patient';
import { LIBRARY } from '#shared/library/index';
import { REVIEW_MARK, SECONDARY_MARK } from '#shared/note/marks';
import { signedNote } from '../testing/signed-note';
import { NURSE, ok, openTempCore, PATIENT, type TempCore } from '../testing/temp-core';

const ID = 'vertebral-augmentation';
const template = LIBRARY.find((t) => t.id === ID)!;
const line = (text: string, start: string): string => text.split('\n').find((l) => l.startsWith(start)) ?? '';

describe('the signed note of a vertebral augmentation', () => {
  let core: TempCore;
  let text = '';

  beforeAll(async () => {
    core = openTempCore({ now: () => new Date('2026-11-24T15:30:00.000Z') });
    const patient = ok<Patient>(await core.act('patient.create', { actor: NURSE, ...PATIENT }));
    text = (await signedNote(core, {
      patientId: patient.id, template, levels: ['L1'],
      indication: 'Painful osteoporotic L1 compression fracture, not healing on MRI.', teachBack: 'Cement goes into the broken bone; it can leak.',
    })).text;
    if (process.env.NOTE_TEXT_OUT) fs.writeFileSync(process.env.NOTE_TEXT_OUT, text);
  }, 60_000);
  afterAll(() => core.cleanup());

  it('names the template and version, the High class, and the procedure under fluoroscopy', () => {
    expect(text).toContain(`Template: ${template.name}, version 1 (${ID})`);
    expect(line(text, 'Class used:')).toContain('High');
    expect(text).toContain('under fluoroscopy guidance, for: Painful osteoporotic L1 compression fracture');
  });

  it('gives each risk in the patient\'s words, with its natural frequency and word, or says it is not known', () => {
    expect(line(text, '- Cement leakage:')).toContain('about 9 in 100 treated bones (common)');
    expect(line(text, '- Cement leakage:')).toContain('about 36 in 100 procedures (very common)');
    expect(line(text, '- New vertebral fractures:')).toContain('about 8 to 52 in 100 (common to very common)');
    expect(line(text, '- Cement travelling to the lungs (pulmonary cement embolism):')).toContain('No one knows exactly how often it happens.');
    // Verified statements carry no mark; inferred ones are marked for review; [V2] ones as secondary.
    expect(line(text, '- Cement leakage:')).not.toMatch(/\[(needs clinical review|secondary source)\]/);
    expect(line(text, '- Infection:').endsWith(REVIEW_MARK)).toBe(true);
    expect(line(text, '- Temporary discomfort:').endsWith(REVIEW_MARK)).toBe(true);
    expect(line(text, '- Nature and purpose explained:')).toContain(REVIEW_MARK);
    expect(text).toContain(`those marked ${SECONDARY_MARK}`);
  });

  it('carries no source a chart may not name, and does not name the fact base', () => {
    expect(text).not.toMatch(/fact base|No verified primary source|clinical team consensus|PMC6583283|StatPearls|Saad|Borensztein/);
    expect(text).toContain('Narouze S');
  });
});
