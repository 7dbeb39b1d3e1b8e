import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checklistItemIds } from '../domain/checklist';
import { LIBRARY } from '../library/index';
import { SourceRefSchema } from '../library/schema';
import { SOURCES } from '../library/sources';
import { WORKFLOW_ITEMS, workflowItemsFor, type WorkflowItem } from './phase-items';
import { WORK_PHASES } from './states';
import { procedureTraits, type ProcedureTraits } from './traits';

const factBase = fs.readFileSync(path.resolve(__dirname, '../clinical/fact-reference.md'), 'utf8');

const NONE: ProcedureTraits = {
  neuraxial: false, epiduralSteroid: false, cervicalTransforaminal: false, lumbarTransforaminal: false, implant: false,
  diagnosticBlock: false, steroid: false, spinal: false, fluoroscopyDefault: false,
};
const ALL: ProcedureTraits = {
  neuraxial: true, epiduralSteroid: true, cervicalTransforaminal: true, lumbarTransforaminal: true, implant: true,
  diagnosticBlock: true, steroid: true, spinal: true, fluoroscopyDefault: true,
};
const noSedation = { sedationPlanned: false, laterality: null };
const sedation = { sedationPlanned: true, laterality: null };

const idsFor = (traits: ProcedureTraits, plan: Parameters<typeof workflowItemsFor>[1] = noSedation) => workflowItemsFor(traits, plan).map((i) => i.id);
const templateIds = (id: string, plan: Parameters<typeof workflowItemsFor>[1] = noSedation) => {
  const t = LIBRARY.find((x) => x.id === id);
  if (!t) throw new Error(id);
  return idsFor(procedureTraits(t), plan);
};
const item = (id: string): WorkflowItem => {
  const found = WORKFLOW_ITEMS.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

/** Each bullet of the issue, by phase, and the item(s) that answer it. */
const ISSUE_BULLETS: Record<(typeof WORK_PHASES)[number], Record<string, string[]>> = {
  'pre-procedure': {
    'identity with two identifiers': ['wf-identity-two-identifiers'],
    'procedure, site, level and laterality confirmed with the patient': ['wf-procedure-site-confirmed', 'wf-laterality-confirmed'],
    'consent discussion done': ['wf-consent-discussion-done'],
    'allergies: contrast, iodine or chlorhexidine, latex, local anaesthetic, steroid': [
      'wf-allergy-contrast', 'wf-allergy-iodine-chlorhexidine', 'wf-allergy-latex', 'wf-allergy-local-anaesthetic', 'wf-allergy-steroid',
    ],
    'anticoagulants and antiplatelets reviewed': ['wf-antithrombotics-reviewed'],
    'pregnancy status where relevant': ['wf-pregnancy-status'],
    'infection screen': ['wf-infection-screen'],
    'blood glucose plan for diabetics on steroid': ['wf-diabetic-glucose-plan'],
    'fasting and escort if sedation is planned': ['wf-fasting-confirmed', 'wf-escort-arranged'],
    'IV access if needed': ['wf-iv-access'],
    'baseline vitals and pain score': ['wf-baseline-vitals', 'wf-baseline-pain-score'],
  },
  'time-out': {
    'team introduced by name and role': ['wf-team-introduced'],
    'patient, procedure, level and side confirmed aloud': ['wf-verbal-confirmation', 'wf-side-confirmed-aloud'],
    'site marked (spine: general region, imaging confirms level)': ['wf-site-marked', 'wf-spinal-region-marked'],
    'relevant imaging displayed': ['wf-imaging-displayed'],
    'anticoagulant status reviewed': ['wf-anticoagulant-status-confirmed'],
    'antibiotic prophylaxis where the template calls for it': ['wf-antibiotic-prophylaxis'],
    'equipment and sterility confirmed': ['wf-equipment-sterility-confirmed'],
    'anticipated critical events reviewed': ['wf-critical-events-reviewed'],
  },
  procedure: {
    'imaging modality used': ['wf-imaging-modality-recorded'],
    'contrast used': ['wf-contrast-recorded'],
    'fluoroscopy time and dose': ['wf-fluoroscopy-time-dose-recorded'],
    'medications injected': ['wf-medications-recorded'],
    'levels treated': ['wf-levels-treated-recorded'],
    'complications recorded': ['wf-procedure-complications-recorded'],
  },
  recovery: {
    'observation period': ['wf-observation-period'],
    'vitals and pain score at intervals': ['wf-recovery-vitals-pain'],
    'neurological check (neuraxial)': ['wf-neuro-check'],
    'Aldrete score when sedated': ['wf-aldrete-score'],
    complications: ['wf-recovery-complications-recorded'],
    'discharge criteria met': ['wf-discharge-criteria-met'],
    'discharge instructions with red flags': ['wf-discharge-instructions', 'wf-discharge-red-flags-neuraxial', 'wf-discharge-vision-change'],
    'when to restart anticoagulants': ['wf-anticoagulant-restart-given'],
    'follow-up booked (pain diary after diagnostic blocks)': ['wf-follow-up-booked', 'wf-pain-diary-given'],
  },
};

describe('procedure-day items', () => {
  it('have unique kebab-case ids prefixed wf-, clashing with no template fact id', () => {
    const ids = WORKFLOW_ITEMS.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^wf-[a-z0-9]+(?:-[a-z0-9]+)*$/);
    const factIds = new Set(LIBRARY.flatMap((t) => [...checklistItemIds(t)]));
    for (const id of ids) expect(factIds.has(id), id).toBe(false);
  });

  it('each cite at least one registered source with a valid evidence tag', () => {
    const registered = new Set(SOURCES.map((s) => s.id));
    for (const i of WORKFLOW_ITEMS) {
      expect(i.sources.length, i.id).toBeGreaterThan(0);
      for (const s of i.sources) {
        expect(() => SourceRefSchema.parse(s)).not.toThrow();
        expect(registered.has(s.sourceId), `${i.id} cites unknown source ${s.sourceId}`).toBe(true);
      }
    }
  });

  it('cite the fact-base consensus only as [M] or inference, never as verified', () => {
    for (const i of WORKFLOW_ITEMS) {
      for (const s of i.sources.filter((x) => x.sourceId === 'fact-base-consensus')) expect(['M', 'inference'], i.id).toContain(s.evidence);
    }
  });

  it('state no duration, range or threshold that is not in the fact base', () => {
    // The pain-score range is the numeric rating scale's, asked for by the issue; the fact
    // base names NRS (§2.3) without stating its range.
    const allowed = new Set(['0–10']);
    for (const i of WORKFLOW_ITEMS) {
      const text = `${i.label} ${i.detail ?? ''}`;
      for (const figure of text.match(/\d+(?:–\d+)?\s?(?:h|min|minutes|days|%)(?![a-z])|\d+–\d+/g) ?? []) {
        if (allowed.has(figure)) continue;
        expect(factBase.includes(figure), `${i.id}: "${figure}" is not in fact-reference.md`).toBe(true);
      }
    }
  });

  it('carry every element of the issue, in the phase it belongs to', () => {
    for (const phase of WORK_PHASES) {
      for (const [bullet, ids] of Object.entries(ISSUE_BULLETS[phase])) {
        for (const id of ids) expect(item(id).phase, `${bullet}: ${id}`).toBe(phase);
      }
    }
    const listed = new Set(Object.values(ISSUE_BULLETS).flatMap((p) => Object.values(p).flat()));
    // Items beyond the issue's list, each from the fact base: §4.1 adds steroid type at the
    // time-out; WHO Sign Out; escort on leaving after sedation.
    expect(WORKFLOW_ITEMS.map((i) => i.id).filter((id) => !listed.has(id))).toEqual(['wf-steroid-type-confirmed', 'wf-sign-out', 'wf-discharge-escort']);
  });

  it('put discharge instructions in the recovery phase and the time-out with the whole team', () => {
    const discharge = WORKFLOW_ITEMS.filter((i) => i.section === 'discharge');
    expect(discharge.length).toBeGreaterThan(0);
    for (const i of discharge) expect(i.phase).toBe('recovery');
    for (const i of WORKFLOW_ITEMS.filter((x) => x.phase === 'time-out')) expect(i.by, i.id).toBe('team');
    for (const i of WORKFLOW_ITEMS.filter((x) => x.phase === 'pre-procedure')) expect(i.by, i.id).toBe('nurse');
  });

  it('carry the figures the fact base gives, with its tags', () => {
    expect(item('wf-fasting-confirmed').label).toMatch(/clear liquids for 2 h.*light meal for 6 h.*at least 8 h/);
    expect(item('wf-fasting-confirmed').sources).toContainEqual({ sourceId: 'asa-2017-fasting', evidence: 'V' });
    expect(item('wf-antibiotic-prophylaxis').label).toMatch(/60 minutes/);
    expect(item('wf-aldrete-score').label).toMatch(/9 or more/);
    expect(item('wf-aldrete-score').sources).toContainEqual({ sourceId: 'droracle-aldrete', evidence: 'V2' });
    // §3.1: the DSC patient symptom list is [M].
    expect(item('wf-discharge-vision-change').sources).toEqual([{ sourceId: 'fda-dsc-2014', evidence: 'M' }]);
    expect(item('wf-spinal-region-marked').sources).toContainEqual({ sourceId: 'tjc-universal-protocol', evidence: 'V' });
  });
});

describe('which items apply', () => {
  const SEDATION_ONLY = ['wf-fasting-confirmed', 'wf-escort-arranged', 'wf-aldrete-score', 'wf-discharge-escort'];

  it('shows fasting, escort and Aldrete items only when sedation is planned', () => {
    for (const traits of [NONE, ALL]) {
      const without = idsFor(traits, noSedation);
      const withSedation = idsFor(traits, sedation);
      for (const id of SEDATION_ONLY) {
        expect(without).not.toContain(id);
        expect(withSedation).toContain(id);
      }
      expect(withSedation.filter((id) => !without.includes(id)).sort()).toEqual([...SEDATION_ONLY].sort());
    }
  });

  it('asks for antibiotic prophylaxis only for implants (stimulators and intrathecal drug delivery, trial and implant)', () => {
    const withAntibiotic = LIBRARY.filter((t) => templateIds(t.id).includes('wf-antibiotic-prophylaxis')).map((t) => t.id).sort();
    expect(withAntibiotic).toEqual(['intrathecal-drug-delivery-trial', 'intrathecal-pump-implant', 'scs-permanent-implant', 'scs-trial']);
  });

  it('gives a pain diary only after diagnostic blocks: medial branch blocks yes, RFA and ESI no', () => {
    expect(templateIds('lumbar-medial-branch-block')).toContain('wf-pain-diary-given');
    expect(templateIds('cervical-medial-branch-block')).toContain('wf-pain-diary-given');
    for (const id of ['lumbar-medial-branch-rfa', 'cervical-medial-branch-rfa', 'lumbar-transforaminal-esi', 'trigger-point-injection', 'scs-trial']) {
      expect(templateIds(id), id).not.toContain('wf-pain-diary-given');
    }
  });

  it('warns of vision change only after epidural steroid injections', () => {
    const withVision = LIBRARY.filter((t) => templateIds(t.id).includes('wf-discharge-vision-change')).map((t) => t.id).sort();
    expect(withVision).toEqual(['caudal-esi', 'cervical-interlaminar-esi', 'cervical-transforaminal-esi', 'lumbar-interlaminar-esi', 'lumbar-transforaminal-esi', 'thoracic-interlaminar-esi']);
  });

  it('adds the neuro check and neuraxial red flags for ESI, adhesiolysis, stimulator leads, intrathecal catheters and vertebral augmentation, not for peripheral blocks', () => {
    for (const id of ['lumbar-interlaminar-esi', 'scs-trial', 'epidural-adhesiolysis', 'intrathecal-drug-delivery-trial', 'intrathecal-pump-implant', 'vertebral-augmentation']) {
      expect(templateIds(id)).toEqual(expect.arrayContaining(['wf-neuro-check', 'wf-discharge-red-flags-neuraxial']));
    }
    expect(templateIds('genicular-rfa')).not.toContain('wf-neuro-check');
    expect(templateIds('genicular-rfa')).not.toContain('wf-discharge-red-flags-neuraxial');
  });

  it('asks for a glucose plan and the steroid type only where a steroid is commonly injected', () => {
    expect(templateIds('sacroiliac-joint-injection')).toEqual(expect.arrayContaining(['wf-diabetic-glucose-plan', 'wf-steroid-type-confirmed']));
    expect(templateIds('lumbar-medial-branch-rfa')).not.toContain('wf-diabetic-glucose-plan');
    expect(templateIds('scs-trial')).not.toContain('wf-steroid-type-confirmed');
  });

  it('asks pregnancy status and records fluoroscopy for X-ray imaging, default or chosen', () => {
    expect(templateIds('lumbar-facet-intra-articular')).toEqual(expect.arrayContaining(['wf-pregnancy-status', 'wf-fluoroscopy-time-dose-recorded']));
    expect(templateIds('trigger-point-injection')).not.toContain('wf-pregnancy-status');
    expect(templateIds('stellate-ganglion-block')).not.toContain('wf-pregnancy-status');
    expect(templateIds('stellate-ganglion-block', { sedationPlanned: false, laterality: 'left', imagingModality: 'fluoroscopy' })).toContain('wf-pregnancy-status');
  });

  it('confirms the side only when the plan names one', () => {
    const lateral = ['wf-laterality-confirmed', 'wf-side-confirmed-aloud'];
    for (const id of lateral) {
      expect(idsFor(NONE, { sedationPlanned: false, laterality: 'right' })).toContain(id);
      expect(idsFor(NONE, { sedationPlanned: false, laterality: 'bilateral' })).toContain(id);
      expect(idsFor(ALL, noSedation)).not.toContain(id);
    }
  });

  it('marks the general spinal region only for spinal procedures', () => {
    expect(templateIds('caudal-esi')).toContain('wf-spinal-region-marked');
    expect(templateIds('genicular-rfa')).not.toContain('wf-spinal-region-marked');
    expect(templateIds('genicular-rfa')).toContain('wf-site-marked');
  });

  it('keeps the items in phase order', () => {
    const order = idsFor(ALL, { sedationPlanned: true, laterality: 'left' }).map((id) => WORK_PHASES.indexOf(item(id).phase));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('shows every item for an unknown template with sedation and a side', () => {
    expect(idsFor(ALL, { sedationPlanned: true, laterality: 'left' })).toEqual(WORKFLOW_ITEMS.map((i) => i.id));
  });
});
