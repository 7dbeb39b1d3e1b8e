/**
 * Sources cited by the block templates (SIJ injection, stellate ganglion block, lumbar
 * sympathetic block, greater occipital nerve block, peripheral nerve block, trigger point
 * injection) that are not already in sources.ts. Citations and addresses were copied from
 * the team's fact base (restated in shared/clinical/fact-reference.md §2.4–§2.8); where it gives no
 * address, none is given here. The evidence tag lives on each citing fact, not here.
 */
import type { Source } from './source-schema';

export const BLOCK_SOURCES: readonly Source[] = [
  // Fact base itself
  {
    id: 'fact-base-blocks-consensus',
    citation:
      'ProcedureDesk clinical fact base (clinical-facts.md) §2.4–§2.8: facts tagged [M] with no external source named (unverified). Where cited with evidence "inference", the template author carried the content over from related rows of the fact base',
  },

  // Sacroiliac joint injection (§2.4)
  {
    id: 'tzu-chi-sij-review',
    citation: 'Tzu Chi Med J review on sacroiliac joint pain (PMC6905244)',
  },
  {
    id: 'spine-secrets-sij-excerpt',
    citation: 'Spine Secrets (textbook) excerpt, cited in the fact base for sacroiliac joint pain (no address given)',
  },
  {
    id: 'jee-2014-sij-guidance',
    citation: 'Jee et al., Arch Phys Med Rehabil 2014;95:330: RCT of fluoroscopy- vs ultrasound-guided sacroiliac joint injection',
  },
  {
    id: 'sahin-sij-ct',
    citation: 'Şahin et al.: CT-guided sacroiliac joint injection',
  },

  // Stellate ganglion block (§2.5)
  {
    id: 'nelson-2017-sgb-stroke',
    citation: 'Nelson A. "Stroke: a complication of stellate ganglion block", Springer 2017, doi:10.1007/978-3-319-60072-7_19',
    url: 'doi:10.1007/978-3-319-60072-7_19',
  },
  {
    id: 'ghai-2016-saudi-j-anaesth',
    citation: 'Ghai et al. Saudi J Anaesth 2016 (ultrasound-guided stellate ganglion block; lateral approach at C7)',
  },
  {
    id: 'findhealthclinics-sgb',
    citation: 'findhealthclinics.com clinic page on stellate ganglion block for PTSI (expected effects)',
  },
  {
    id: 'aneskey-sgb-lsb-complications',
    citation: 'aneskey.com: "Complications Associated with Stellate Ganglion and Lumbar Sympathetic Blocks"',
  },
  {
    id: 'castbox-asra-2024-corticosteroid',
    citation:
      'Podcast summary (castbox.fm) of the 2024 ASRA-led multisociety corticosteroid injection guidelines (Benzon et al. RAPM 2024); verify against the guideline',
  },

  // Lumbar sympathetic block (§2.6)
  {
    id: 'lsb-clinic-pages',
    citation: 'Clinic pages on lumbar sympathetic block indications (paincaremd.com; dieutridau.com; apmhealth.com)',
  },
  {
    id: 'stepshealth-lsb-textbook-excerpt',
    citation: 'Textbook excerpt on lumbar sympathetic block technique and complications (78stepshealth.us copy, "L2")',
  },
  {
    id: 'hopkins-lumbar-sympathetic-block',
    citation: 'Johns Hopkins Blaustein Pain Treatment Center patient page: "Sympathetic nerve blocks: lumbar blocks"',
    url: 'https://anesthesiology.hopkinsmedicine.org/pain-medicine-and-pain-research/blaustein-pain-treatment-center/sympathetic-nerve-blocks-lumbar-blocks',
  },
  {
    id: 'rochester-pain-lsb',
    citation: 'rochesterpainmanagement.com clinic page on lumbar sympathetic block (repeat blocks if helpful)',
  },

  // Greater occipital nerve block (§2.7)
  {
    id: 'tobin-flitman-2009',
    citation: 'Tobin & Flitman, Headache 2009: occipital nerve blocks (docslib copy)',
  },
  {
    id: 'fernandes-2021-pract-neurol',
    citation: 'Fernandes et al., Pract Neurol 2021;21:30: greater occipital nerve block',
  },

  // Trigger point injection (§2.8)
  {
    id: 'statpearls-trigger-point-injection',
    citation: 'StatPearls: "Trigger Point Injection"',
  },
  {
    id: 'aneskey-tpi-chapter',
    citation: 'aneskey.com chapter on trigger point injection ("serious adverse effects are observed")',
  },
  {
    id: 'arizona-tpi-lay-page',
    citation: 'arizonatriggerpointinjectiontreatment.com, lay page on trigger point injection risks',
  },
  {
    id: 'droracle-tpi-acoem',
    citation: 'AI-generated summary citing the ACOEM 2021 recommendation against glucocorticoids in trigger point injections (droracle.ai; verify)',
    url: 'droracle.ai/articles/609994',
  },
  {
    id: 'tpi-lay-source-unnamed',
    citation: 'Lay source cited without a name or address in the fact base §2.8 (TPI relative contraindication: diffuse trigger points with endocrinopathy)',
  },
];
