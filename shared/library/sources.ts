/**
 * Every source the bundled templates cite. Citations and addresses were copied from
 * the team's clinical fact base, which shared/clinical/fact-reference.md restates; where
 * the fact base gives no address, none is given here. The reference lists original works
 * only, so an address of a copy or summary given here is not in it (see its citing rules).
 * The evidence tag lives on each citing fact, not here.
 */
import type { Source } from './source-schema';
import { ANTICOAG_SOURCES } from './sources-anticoag';
import { BLOCK_SOURCES } from './sources-blocks';
import { ESI_SOURCES } from './sources-esi';
import { FACET_SOURCES } from './sources-facet';
import { NEUROMOD_SOURCES } from './sources-neuromod';
import { STEROID_LABEL_SOURCES } from './sources-steroid';

const BASE_SOURCES: readonly Source[] = [
  // Fact base itself
  {
    id: 'fact-base-consensus',
    citation:
      'ProcedureDesk clinical fact base (clinical-facts.md) §2.0, §2.2, §6: facts tagged [M] as general consensus or practice standard, with no external source (unverified). Where cited with evidence "inference", the template author carried the content over from related rows of the fact base',
  },

  // Regulators, guidelines and consensus statements
  {
    id: 'fda-dsc-2014',
    citation:
      'FDA Drug Safety Communication, 23 April 2014: "FDA requires label changes to warn of rare but serious neurologic problems after epidural corticosteroid injections for pain"',
    url: 'http://www.fda.gov/Drugs/DrugSafety/ucm394280.htm',
  },
  {
    id: 'racoosin-2017-nejm',
    citation:
      'Racoosin et al. FDA risk assessment of serious neurologic events after epidural corticosteroid injection. N Engl J Med 2017 (excerpt at forum.tomhsiung.com)',
  },
  {
    id: 'rathmell-2015',
    citation:
      'Rathmell JP, Benzon HT, Dreyfuss P, et al. Safeguards to Prevent Neurologic Complications after Epidural Steroid Injections: Consensus Opinions from a Multidisciplinary Working Group and National Organizations. Anesthesiology 2015;122(5):974–984. doi:10.1097/ALN.0000000000000614. PMID 25668411',
    url: 'https://scholars.duke.edu/individual/pub1344819',
  },
  {
    id: 'narouze-2018-asra',
    citation:
      'Narouze S, Benzon HT, Provenzano D, et al. Interventional Spine and Pain Procedures in Patients on Antiplatelet and Anticoagulant Medications (Second Edition). Reg Anesth Pain Med 2018;43(3):225–262. doi:10.1097/AAP.0000000000000700',
    url: 'https://journals.lww.com/rapm/Fulltext/2018/04000/Interventional_Spine_and_Pain_Procedures_in.2.aspx',
  },
  {
    id: 'uptodate-bleeding-risk-mirror',
    citation:
      'UpToDate graphic "Classification of bleeding risk for selected interventional pain procedures", adapted from Narouze 2018 (mirror copy)',
    url: 'https://medilib.ir/uptodate/show/144053',
  },
  {
    id: 'uptodate-antithrombotic-mirror',
    citation:
      'UpToDate graphic "Summary of periprocedural management of anticoagulants and antiplatelet medications for interventional pain procedures", adapted from Narouze 2018 (mirror copy, truncated after the dalteparin row)',
    url: 'https://www.medilib.ir/uptodate/show/108918',
  },
  {
    id: 'asra-news-2019',
    citation:
      'Wickboldt & Guirguis. Updates to the ASRA Guidelines for Interventional Pain Procedures. ASRA News, 27 Aug 2019',
    url: 'https://www.asra.com/news-publications/asra-updates/blog-landing/asra-news/2019/08/27/updates-to-the-asra-guidelines-for-interventional-pain-procedures',
  },
  {
    id: 'clinicalpainadvisor-asra-2015',
    citation: 'Clinical Pain Advisor. An overview of ASRA guidelines for patients on anticoagulants undergoing pain procedures (summary of ASRA 2015)',
    url: 'https://www.clinicalpainadvisor.com/pharmacology/an-overview-of-asra-guidelines-for-patients-on-anticoagulants-undergoing-pain-procedures/',
  },
  {
    id: 'asipp-2024',
    citation:
      'Manchikanti L, et al. Perioperative management of antiplatelet and anticoagulant therapy in patients undergoing interventional techniques: 2024 updated guidelines from ASIPP. Pain Physician 2024;27:S1–S94. doi:10.36076/ppj.2024.7.S1',
    url: 'https://www.painphysicianjournal.com/current/abstracts?article=Nzg3NQ%3D%3D',
  },
  {
    id: 'asipp-2024-risk-summary',
    citation: 'Secondary summary of ASIPP 2024 procedure bleeding-risk classes ("Periprocedural management of antithrombotic therapy"; excerpt truncated)',
    url: 'https://p-web.fly.dev/diseases/periprocedural-management-of-antithrombotic-therapy-recfNAeCwjrsCzIVy',
  },
  {
    id: 'benzon-2024-asra-corticosteroid',
    citation:
      'Benzon HT, et al. ASRA-led multisociety corticosteroid injection guidelines, part 1. Reg Anesth Pain Med 2024. doi:10.1136/rapm-2024-105593 (abstract)',
    url: 'https://rapm.bmj.com/content/early/2024/07/16/rapm-2024-105593.abstract',
  },
  {
    id: 'facet-sij-corticosteroid-consensus',
    citation: 'Multisociety (ASRA-led) consensus on corticosteroid injections for facet and sacroiliac joint pain, 2024/25 (abstract)',
    url: 'https://experts.mcmaster.ca/scholarly-works/3839991',
  },
  {
    id: 'cohen-2020-lumbar-facet',
    citation:
      'Cohen SP, et al. Consensus practice guidelines on interventions for lumbar facet joint pain from a multispecialty, international working group. Reg Anesth Pain Med 2020;45(6):424–467. doi:10.1136/rapm-2019-101243',
    url: 'https://pubmed.ncbi.nlm.nih.gov/32245841/',
  },
  {
    id: 'sis-2019-dexamethasone-shortage',
    citation:
      'Spine Intervention Society. Best-practice recommendations for epidural steroid injections during the preservative-free dexamethasone shortage (Pain Medicine, 2019); summary at medicalbag.com',
    url: 'https://www.medicalbag.com/home/medicine/best-practice-recommendations-for-epidural-steroid-injections-in-a-preservative-free-dexamethasone-shortage/',
  },
  {
    id: 'aapmr-spinal-procedures',
    citation: 'AAPM&R, PM&R KnowledgeNow: "Spinal procedures"',
    url: 'https://now.aapmr.org/spinal-procedures',
  },
  {
    id: 'statpearls-epidural-steroids',
    citation: 'StatPearls: "Epidural Steroids"',
  },
  {
    id: 'klessinger-2013',
    citation: 'Klessinger. Tech Orthop 2013;28:18 (review of facet interventions; scribd copy)',
  },
  {
    id: 'lcd-l33906',
    citation: 'CMS Local Coverage Determination L33906 (with billing article A56651), epidural steroid injections: secondary summary',
    url: 'https://verity.backworkai.com/policy/L33906',
  },
  {
    id: 'evicore-cmm-200',
    citation: 'eviCore musculoskeletal guideline CMM-200 (epidural steroid injections): secondary summary',
    url: 'https://verity.backworkai.com/policy/EVICORE-MSK_ADVANCED-29C62396',
  },
  {
    id: 'tjc-universal-protocol',
    citation:
      'The Joint Commission Universal Protocol UP.01.01.01–UP.01.03.01 (JCAHO UP table; TJC hospital UP chapter copy; TJC "Time-Out" document)',
    url: 'https://escholarship.org/content/qt75z671jb/inner/table8.htm',
  },
  {
    id: 'ama-2-1-1',
    citation: 'AMA Code of Medical Ethics, Opinion 2.1.1 "Informed Consent" (text copy)',
    url: 'https://www.scribd.com/document/526971649/American-Medical-Association-Code-of-Ethics-informed-consent',
  },
  {
    id: 'asa-2018-moderate-sedation',
    citation:
      'ASA Practice Guidelines for Moderate Procedural Sedation and Analgesia 2018. Anesthesiology 2018;128(3):437–479 (Guideline Central summary page, titled "Moderate Procedural Sedation and Analgesia")',
    url: 'https://guidelinecentral.com/summaries/emergency-tracheal-intubation-immediately-following-traumatic-injury-an-eastern-association-for-the-surgery-of-trauma-practice-management-guideline',
  },
  {
    id: 'asa-2017-fasting',
    citation: 'ASA preoperative fasting guideline (2017), as tabulated on the Kaiser Permanente anesthesiology page',
    url: 'https://thrive.kaiserpermanente.org/care-near-you/northern-california/santarosa/departments/anesthesiology/preoperative-fasting-guidelines/',
  },
  {
    id: 'openfda-bupivacaine-label',
    citation: 'Bupivacaine prescribing label, precautions ("Resuscitative equipment, oxygen, and other resuscitative drugs should be available for immediate use"), via openFDA',
  },
  {
    id: 'clinicaltrials-nct01020929',
    citation: 'ClinicalTrials.gov NCT01020929: exclusion criteria of a transforaminal injection trial (as summarised in the code corpus)',
  },

  // Primary studies and reviews seen through secondary copies
  {
    id: 'manchikanti-2012-epidural-complications',
    citation:
      'Manchikanti et al. Pain Physician 2012: prospective study of complications in >10,000 fluoroscopic epidural injections (MDLinx summary)',
    url: 'http://www.mdlinx.com/pain-management/medical-news-article/2012/03/26/pain/3987501/',
  },
  {
    id: 'manchikanti-2012-facet-complications',
    citation:
      'Manchikanti et al. Pain Physician 2012;15:E143: prospective series of complications in ~7,500 episodes / 43,000 facet nerve blocks (title and outcomes only; rates not seen)',
  },

  // Secondary and lay sources
  {
    id: 'spine-health-esi-risks',
    citation: 'spine-health.com, patient-education pages on epidural steroid injection risks',
  },
  {
    id: 'spine-secrets-excerpt',
    citation: 'Spine Secrets (textbook), excerpt on epidural steroid injection complications (mitchmedical.us copy)',
  },
  {
    id: 'stepshealth-textbook-excerpt',
    citation: 'Textbook excerpt on epidural steroid pharmacology and HPA-axis suppression (78stepshealth.us copy)',
  },
  {
    id: 'vancouverspinedoctor-complications',
    citation: 'vancouverspinedoctor.com clinic page on spinal-injection complications and patient restrictions',
    url: 'https://vancouverspinedoctor.com/procedures/spinal-injections/complications/',
  },
  {
    id: 'psadocs-preparing',
    citation: 'psadocs.com clinic patient page on preparing for a procedure (reschedule if ill)',
    url: 'https://psadocs.com/for-patients/preparing-for-your-procedure/',
  },
  {
    id: 'sabackpain-lsb',
    citation: 'sabackpain.com clinic patient page on lumbar sympathetic block (escort home after sedation)',
    url: 'https://www.sabackpain.com/lumbar-sympathetic-block',
  },
  {
    id: 'martinez-serrano-discharge-summary',
    citation:
      'Journal-reading summary of Martínez Serrano et al., anticoagulants in interventional pain procedures: warning signs after neuraxial procedures (pdfcoffee.com copy)',
    url: 'https://pdfcoffee.com/jurding-anestesi-khairunnisa--pdf-free.html',
  },
  {
    id: 'droracle-aldrete',
    citation: 'Aldrete discharge score summary (droracle.ai)',
    url: 'https://www.droracle.ai/articles/756346',
  },
  {
    id: 'wjge-2013-padss',
    citation: 'Modified PADSS table. World J Gastrointest Endosc 2013;5(10):502',
    url: 'https://www.wjgnet.com/1948-5190/tables/v5/i10/502.htm',
  },
  {
    id: 'droracle-esi-glucose',
    citation: 'AI-generated summary on blood glucose after epidural steroid injection (droracle.ai; low quality, verify)',
    url: 'https://www.droracle.ai/articles/252637',
  },
  {
    id: 'droracle-esi-dose',
    citation: 'AI-generated summaries citing epidural steroid dose RCTs (droracle.ai articles 569268 and 342097; low quality, verify)',
    url: 'droracle.ai/articles/569268',
  },
  {
    id: 'droracle-bmj-2025-axial',
    citation: 'AI-generated summary of a 2025 BMJ Rapid Recommendation on epidural injections for chronic axial spine pain (droracle.ai; verify against BMJ 2025)',
    url: 'droracle.ai/articles/834552',
  },
  {
    id: 'studentdoctor-tf-vs-il',
    citation: 'Forum post citing a large database analysis of transforaminal vs interlaminar ESI complications (forums.studentdoctor.net; low reliability, verify)',
  },
  {
    id: 'droracle-facet-payer-criteria',
    citation: 'Insurance-policy wording on diagnostic medial branch blocks before RFA, quoted in an AI-generated summary (droracle.ai)',
    url: 'https://www.droracle.ai/articles/554586',
  },
  {
    id: 'droracle-mbb-volume',
    citation: 'AI-generated summary on medial branch block injectate volume (droracle.ai; verify)',
    url: 'droracle.ai/articles/676215',
  },
];

/** The registry: the first-cut sources plus those added with each group of templates. Ids are unique (tested). */
export const SOURCES: readonly Source[] = [...BASE_SOURCES, ...ESI_SOURCES, ...FACET_SOURCES, ...BLOCK_SOURCES, ...NEUROMOD_SOURCES, ...ANTICOAG_SOURCES, ...STEROID_LABEL_SOURCES];
