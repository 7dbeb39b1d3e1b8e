import { describe, expect, it } from 'vitest';
import { LIBRARY } from '../library/index';
import type { Template } from '../library/schema';
import { procedureTraits, type ProcedureTraits } from './traits';

function template(id: string): Template {
  const t = LIBRARY.find((x) => x.id === id);
  if (!t) throw new Error(`no bundled template ${id}`);
  return t;
}

const ESIS = ['caudal-esi', 'cervical-interlaminar-esi', 'cervical-transforaminal-esi', 'lumbar-interlaminar-esi', 'lumbar-transforaminal-esi', 'thoracic-interlaminar-esi'];
const MBBS = ['cervical-medial-branch-block', 'lumbar-medial-branch-block'];
const SCS = ['scs-trial', 'scs-permanent-implant'];
const INTRATHECAL = ['intrathecal-drug-delivery-trial', 'intrathecal-pump-implant'];
const trait = (name: keyof ProcedureTraits) => LIBRARY.filter((t) => procedureTraits(t)[name]).map((t) => t.id).sort();

describe('procedure traits of the bundled library', () => {
  it('marks epidural steroid injections, adhesiolysis, stimulator leads, intrathecal catheters and vertebral augmentation as neuraxial', () => {
    expect(trait('epiduralSteroid')).toEqual([...ESIS].sort());
    expect(trait('neuraxial')).toEqual([...ESIS, ...SCS, ...INTRATHECAL, 'epidural-adhesiolysis', 'vertebral-augmentation'].sort());
  });

  it('marks only the spinal cord stimulator and intrathecal drug delivery templates as implants', () => {
    expect(trait('implant')).toEqual([...SCS, ...INTRATHECAL].sort());
  });

  it('marks only cervical transforaminal ESI as cervical transforaminal, and only lumbar transforaminal ESI as lumbar transforaminal', () => {
    expect(trait('cervicalTransforaminal')).toEqual(['cervical-transforaminal-esi']);
    expect(trait('lumbarTransforaminal')).toEqual(['lumbar-transforaminal-esi']);
  });

  it('marks the blocks followed by a pain diary, including both medial branch blocks and no RFA', () => {
    const diary = trait('diagnosticBlock');
    for (const id of MBBS) expect(diary).toContain(id);
    expect(diary).toEqual(['cervical-medial-branch-block', 'lumbar-medial-branch-block', 'lumbar-sympathetic-block', 'sacroiliac-joint-injection', 'stellate-ganglion-block']);
  });

  it('marks the procedures that inject a corticosteroid', () => {
    expect(trait('steroid')).toEqual(
      [...ESIS, 'cervical-facet-intra-articular', 'lumbar-facet-intra-articular', 'sacroiliac-joint-injection', 'greater-occipital-nerve-block'].sort(),
    );
  });

  it('derives X-ray imaging from the default imaging option', () => {
    for (const t of LIBRARY) {
      const d = t.imaging.options.find((o) => o.isDefault)?.modality;
      expect(procedureTraits(t).fluoroscopyDefault, t.id).toBe(d === 'fluoroscopy' || d === 'ct');
    }
    expect(procedureTraits(template('trigger-point-injection')).fluoroscopyDefault).toBe(false);
    expect(procedureTraits(template('lumbar-medial-branch-block')).fluoroscopyDefault).toBe(true);
  });

  it('treats procedures at spinal levels, and caudal ESI, as spinal; knee, SIJ and peripheral blocks are not', () => {
    expect(procedureTraits(template('caudal-esi')).spinal).toBe(true);
    expect(procedureTraits(template('lumbar-medial-branch-rfa')).spinal).toBe(true);
    for (const id of ['genicular-rfa', 'sacroiliac-joint-injection', 'greater-occipital-nerve-block', 'peripheral-nerve-block', 'trigger-point-injection']) {
      expect(procedureTraits(template(id)).spinal, id).toBe(false);
    }
  });
});

describe('procedure traits of clinic-authored templates', () => {
  it('turns every safety trait on for a template of an unknown category', () => {
    const unknown: Template = { ...template('peripheral-nerve-block'), id: 'basivertebral-rfa', name: 'Basivertebral nerve ablation', category: 'Basivertebral nerve' };
    expect(procedureTraits(unknown)).toEqual({
      neuraxial: true,
      epiduralSteroid: true,
      cervicalTransforaminal: true,
      lumbarTransforaminal: true,
      implant: true,
      diagnosticBlock: true,
      steroid: true,
      spinal: true,
      // Data, not a guess: this template's default imaging is ultrasound.
      fluoroscopyDefault: false,
    });
  });

  it('recognises a renamed copy of cervical transforaminal ESI by its name', () => {
    const copy: Template = { ...template('cervical-transforaminal-esi'), id: 'c-spine-tf', name: 'Cervical Transforaminal ESI (clinic protocol)' };
    expect(procedureTraits(copy).cervicalTransforaminal).toBe(true);
    const lumbarCopy: Template = { ...template('lumbar-transforaminal-esi'), id: 'l-spine-tf', name: 'Lumbar transforaminal ESI (clinic protocol)' };
    expect(procedureTraits(lumbarCopy).cervicalTransforaminal).toBe(false);
    expect(procedureTraits(lumbarCopy).lumbarTransforaminal).toBe(true);
    expect(procedureTraits(copy).lumbarTransforaminal).toBe(false);
  });
});
