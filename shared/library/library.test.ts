import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildChecklist } from '../domain/checklist';
import { inSection7 } from './evidence-state';
import { LIBRARY, LIBRARY_VERSIONS, sourcesCitedBy } from './index';
import { TemplateSchema, type Template } from './schema';
import { SOURCES } from './sources';
import { SourceSchema } from './source-schema';

const factBase = fs.readFileSync(path.resolve(__dirname, '../clinical/fact-reference.md'), 'utf8');

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

/**
 * The procedures of issue 3, and those of issue 15 (epidural adhesiolysis, vertebral augmentation, the
 * intrathecal trial and pump implant): where the fact base cannot fill a section of those, the item says
 * so and needs clinical review (new-templates.test.ts).
 */
const EXPECTED_PROCEDURES = [
  'cervical-interlaminar-esi', 'thoracic-interlaminar-esi', 'lumbar-interlaminar-esi', 'cervical-transforaminal-esi', 'lumbar-transforaminal-esi', 'caudal-esi',
  'epidural-adhesiolysis', 'vertebral-augmentation', 'intrathecal-drug-delivery-trial', 'intrathecal-pump-implant',
  'lumbar-facet-intra-articular', 'cervical-facet-intra-articular', 'lumbar-medial-branch-block', 'cervical-medial-branch-block',
  'lumbar-medial-branch-rfa', 'cervical-medial-branch-rfa', 'genicular-rfa',
  'sacroiliac-joint-injection', 'stellate-ganglion-block', 'lumbar-sympathetic-block',
  'greater-occipital-nerve-block', 'peripheral-nerve-block', 'trigger-point-injection',
  'scs-trial', 'scs-permanent-implant',
];

describe('procedure library', () => {
  it('has every procedure the clinic performs, each valid against the schema', () => {
    expect(LIBRARY.map((t) => t.id).sort()).toEqual(EXPECTED_PROCEDURES.slice().sort());
    expect(new Set(LIBRARY.map((t) => t.id)).size).toBe(LIBRARY.length);
    for (const t of LIBRARY) expect(() => TemplateSchema.parse(t)).not.toThrow();
  });

  it('cites only registered sources, and every registered source is valid', () => {
    const ids = new Set(SOURCES.map((s) => SourceSchema.parse(s).id));
    expect(ids.size).toBe(SOURCES.length);
    for (const t of LIBRARY) {
      for (const s of sourcesCitedBy(t)) expect(ids.has(s.id), `${t.id} cites unknown source ${s.id}`).toBe(true);
    }
  });

  it('states no percentage, and no rate per 1,000,000, that the fact base does not state', () => {
    for (const t of LIBRARY) {
      for (const text of strings(t)) {
        for (const pct of text.match(/\d+(?:\.\d+)?\s?%/g) ?? []) {
          expect(factBase.includes(pct.replace(/\s/, '')), `${t.id}: "${pct}" in "${text}" is not in fact-reference.md`).toBe(true);
        }
        for (const rate of text.match(/\d+(?:\.\d+)? per 1,000,000/g) ?? []) {
          expect(factBase.includes(rate), `${t.id}: "${rate}" in "${text}" is not in fact-reference.md`).toBe(true);
        }
      }
    }
  });

  it("speaks to its users without the research team's words: no 'fact base', copy-site name, 'corpus' or 'summary'", () => {
    // Source ids keep the names they were given (sources.ts); every other string is product wording.
    const withoutIds = (value: unknown): unknown => (Array.isArray(value) ? value.map(withoutIds)
      : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'sourceId').map(([k, v]) => [k, withoutIds(v)])) : value);
    const found = (templates: readonly Template[]) => templates.flatMap((t) => strings(withoutIds(t))
      .filter((text) => /fact base|aneskey|corpus|summar/i.test(text)).map((text) => `${t.id} v${t.version}: ${text}`));
    expect(found(LIBRARY_VERSIONS.filter((t) => t.version === 1))).toContainEqual(expect.stringMatching(/^trigger-point-injection v1: .*\(aneskey chapter\)/));
    expect(found(LIBRARY)).toEqual([]);
  });

  it('keeps every checklist id from one bundled version to the next (answers, reviews and Questionnaire linkIds are keyed by them)', () => {
    const ids = (t: Template) => buildChecklist(t).map((s) => [s.id, s.items.map((i) => i.id)]);
    for (const t of LIBRARY_VERSIONS) {
      const previous = LIBRARY_VERSIONS.find((p) => p.id === t.id && p.version === t.version - 1);
      if (previous) expect(ids(t), `${t.id} v${t.version}`).toEqual(ids(previous));
    }
  });

  it('states no cervical interlaminar figure for a cervical transforaminal injection (the Manchikanti 2012 series had none for it, fact-reference §2.1)', () => {
    // The series' cervical figures: vessel entry 4.1%, dural puncture 1% ("about 4 in 100", "about 1 in 100" in version 1's patient words).
    const borrowed = (t: Template) => ['intravascular-injection', 'dural-puncture-headache'].flatMap((id) => {
      const risk = t.risks.find((r) => r.id === id)!;
      return [risk.clinicianText, risk.patientText, risk.incidence?.text ?? ''].filter((text) => /4\.1\s?%|\b1\s?% of cervical|about [14] (?:out of|in) 100/.test(text));
    });
    const versions = LIBRARY_VERSIONS.filter((t) => t.id === 'cervical-transforaminal-esi');
    expect(borrowed(versions.find((t) => t.version === 1)!)).toHaveLength(6);
    const offered = LIBRARY.find((t) => t.id === 'cervical-transforaminal-esi')!;
    expect(borrowed(offered)).toEqual([]);
    for (const id of ['intravascular-injection', 'dural-puncture-headache']) {
      const risk = offered.risks.find((r) => r.id === id)!;
      expect(risk, id).toMatchObject({ frequency: 'unknown' });
      expect(risk.incidence, id).toBeUndefined();
      expect(risk.patientText, id).toMatch(/No one knows exactly how often this happens with this kind of shot\./);
    }
  });

  it('gives each ESI route its own population rate of serious spinal events (Eworuke 2020: cervical/thoracic 29.4, lumbar/sacral 5.1 per 1,000,000)', () => {
    const rate = (id: string) => (/^(cervical|thoracic)-/.test(id) ? { perMillion: '29.4 per 1,000,000', patient: 'about 1 in 34,000 people (very rare)' } : { perMillion: '5.1 per 1,000,000', patient: 'about 1 in 200,000 people (very rare)' });
    const routes = ['cervical-interlaminar-esi', 'thoracic-interlaminar-esi', 'cervical-transforaminal-esi', 'lumbar-interlaminar-esi', 'lumbar-transforaminal-esi', 'caudal-esi'];
    const esis = LIBRARY.filter((t) => routes.includes(t.id));
    expect(esis).toHaveLength(routes.length);
    for (const t of esis) {
      const risk = t.risks.find((r) => r.id === 'catastrophic-neurologic-events')!;
      const fda = t.requiredCounselling.find((c) => c.id === 'fda-serious-neurologic-events')!;
      expect(risk.incidence?.text, t.id).toContain(rate(t.id).perMillion);
      expect(risk.incidence?.sources, t.id).toEqual([{ sourceId: 'eworuke-2020-medicare-esi', evidence: 'V' }]);
      expect(risk.frequency, t.id).toBe('very-rare');
      for (const text of [risk.patientText, fda.patientText ?? '']) expect(text, t.id).toContain(rate(t.id).patient);
      expect(fda.text, t.id).toContain(rate(t.id).perMillion);
      expect(fda.sources.map((x) => x.sourceId), t.id).toContain('eworuke-2020-medicare-esi');
    }
    expect(SOURCES.find((x) => x.id === 'eworuke-2020-medicare-esi')).toMatchObject({ reliability: 'primary', url: 'https://doi.org/10.1136/rapm-2020-101778' });
  });

  it('counsels infection, bleeding and temporary discomfort for every procedure, in patient words', () => {
    for (const t of LIBRARY) {
      for (const id of ['infection', 'bleeding', 'temporary-discomfort']) {
        const risk = t.risks.find((r) => r.id === id);
        expect(risk?.universal).toBe(true);
        expect(risk?.patientText.length).toBeGreaterThan(10);
      }
    }
  });

  it('carries the FDA 2014 epidural steroid warning for every ESI', () => {
    const esis = LIBRARY.filter((t) => t.category === 'Epidural steroid injection');
    expect(esis.length).toBeGreaterThanOrEqual(1);
    for (const esi of esis) {
      const fda = esi.requiredCounselling.filter((c) => c.sources.some((s) => s.sourceId === 'fda-dsc-2014'));
      expect(fda.length, esi.id).toBeGreaterThan(0);
      expect(strings(fda).join(' '), esi.id).toMatch(/stroke/i);
      expect(strings(fda).join(' '), esi.id).toMatch(/paralysis/i);
      expect(strings(fda).join(' '), esi.id).toMatch(/off-label|not (been )?approved/i);
    }
  });

  it('marks every [M] or inferred fact, every fact resting only on low-reliability sources, and every fact §7 lists, for clinical review in the checklist', () => {
    const low = new Set(SOURCES.filter((s) => s.reliability === 'low').map((s) => s.id));
    let lowOnly = 0;
    let section7Only = 0;
    for (const t of LIBRARY) {
      for (const item of buildChecklist(t).flatMap((s) => s.items)) {
        const tagged = item.sources.some((s) => s.evidence === 'M' || s.evidence === 'inference');
        // A risk and its incidence figure are each backed on their own.
        const risk = t.risks.find((r) => r.id === item.id);
        const parts = risk?.incidence ? [risk.sources, risk.incidence.sources] : [item.sources];
        const weak = parts.some((p) => p.every((s) => low.has(s.sourceId)));
        if (weak && !tagged) lowOnly++;
        // Fact-reference §7 beats a row's tag (citing rule 4): by a source it cites, or by template and id.
        const listed = inSection7({ sources: item.sources, templateId: t.id, factId: item.id, hasIncidence: item.incidence !== null });
        if (listed && !tagged && !weak) section7Only++;
        expect(item.needsReview, `${t.id} ${item.id}`).toBe(tagged || weak || listed);
        expect(item.evidence, `${t.id} ${item.id}`).toBe(item.needsReview ? 'needs-review' : item.sources.some((s) => s.evidence === 'V2') ? 'secondary' : 'verified');
      }
    }
    // Facts the fact base tags [V]/[V2] whose only support is an AI summary, a forum or a lay page exist, and are caught.
    expect(lowOnly).toBeGreaterThan(0);
    // And [V]/[V2] facts that §7 lists (the steroid-dose equivalences, the glucose-rise durations, the time-out elements).
    expect(section7Only).toBeGreaterThan(0);
  });

  it('builds the checklist sections in order with monitoring in all three phases', () => {
    for (const t of LIBRARY) {
      const sections = buildChecklist(t);
      expect(sections.map((s) => s.id)).toEqual(['indications', 'imaging', 'risks', 'monitoring-pre', 'monitoring-intra', 'monitoring-post']);
      for (const s of sections) expect(s.items.length, `${t.id} ${s.id}`).toBeGreaterThan(0);
    }
  });

  it('refuses a template that breaks the rules, saying why', () => {
    const base = LIBRARY[0]!;
    const noDefault = { ...base, imaging: { ...base.imaging, options: base.imaging.options.map((o) => ({ ...o, isDefault: false })) } };
    expect(TemplateSchema.safeParse(noDefault).error?.issues[0]?.message).toMatch(/exactly one default imaging option/);
    const noInfection = { ...base, risks: base.risks.filter((r) => r.id !== 'infection') };
    expect(TemplateSchema.safeParse(noInfection).error?.issues.map((i) => i.message).join()).toMatch(/infection/);
    const unsourced = { ...base, indications: [{ id: 'x', text: 'y', sources: [] }] };
    expect(TemplateSchema.safeParse(unsourced).success).toBe(false);
  });
});
