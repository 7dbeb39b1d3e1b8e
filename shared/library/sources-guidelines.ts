/**
 * The regulators, guidelines and consensus statements the first-cut templates, the
 * anticoagulant table and the procedure-day items cite (the rules every entry keeps are in
 * source-schema.ts).
 */
import type { Source } from './source-schema';

export const GUIDELINE_SOURCES: readonly Source[] = [
  {
    id: 'fda-dsc-2014',
    citation:
      'U.S. Food and Drug Administration. Drug Safety Communication, 23 April 2014: "FDA requires label changes to warn of rare but serious neurologic problems after epidural corticosteroid injections for pain"',
    url: 'http://www.fda.gov/Drugs/DrugSafety/ucm394280.htm',
    reliability: 'primary',
  },
  {
    id: 'racoosin-2017-nejm',
    citation:
      'Racoosin JA, Seymour SM, Cascio L, Gill R. Serious Neurologic Events after Epidural Glucocorticoid Injection — The FDA\'s Risk Assessment. N Engl J Med 2015;373(24):2299–2301. doi:10.1056/NEJMp1511754',
    url: 'https://doi.org/10.1056/NEJMp1511754',
    reliability: 'primary',
  },
  {
    id: 'rathmell-2015',
    citation:
      'Rathmell JP, Benzon HT, Dreyfuss P, et al. Safeguards to Prevent Neurologic Complications after Epidural Steroid Injections: Consensus Opinions from a Multidisciplinary Working Group and National Organizations. Anesthesiology 2015;122(5):974–984. doi:10.1097/ALN.0000000000000614. PMID 25668411',
    url: 'https://doi.org/10.1097/ALN.0000000000000614',
    reliability: 'primary',
  },
  {
    id: 'narouze-2018-asra',
    citation:
      'Narouze S, Benzon HT, Provenzano D, Buvanendran A, De Andres J, Deer T, Rauck R, Huntoon MA. Interventional Spine and Pain Procedures in Patients on Antiplatelet and Anticoagulant Medications (Second Edition). Reg Anesth Pain Med 2018;43(3):225–262. doi:10.1097/AAP.0000000000000700',
    url: 'https://journals.lww.com/rapm/Fulltext/2018/04000/Interventional_Spine_and_Pain_Procedures_in.2.aspx',
    reliability: 'primary',
  },
  {
    id: 'uptodate-bleeding-risk-mirror',
    citation:
      'UpToDate graphic "Classification of bleeding risk for selected interventional pain procedures", adapted from Narouze S, et al. Reg Anesth Pain Med 2018;43(3):225–262',
    reliability: 'secondary',
    note: 'An adaptation of the Narouze 2018 table, cited by its title; confirm each class against the guideline.',
  },
  {
    id: 'uptodate-antithrombotic-mirror',
    citation:
      'UpToDate graphic "Summary of periprocedural management of anticoagulants and antiplatelet medications for interventional pain procedures", adapted from Narouze S, et al. Reg Anesth Pain Med 2018;43(3):225–262',
    reliability: 'secondary',
    note: 'An adaptation of the Narouze 2018 table, cited by its title. The team could read it only as far as the dalteparin row; every drug below it needs clinical review.',
  },
  {
    id: 'asra-news-2019',
    citation:
      'Wickboldt & Guirguis. "Updates to the ASRA Guidelines for Interventional Pain Procedures". ASRA News (American Society of Regional Anesthesia and Pain Medicine), 27 August 2019',
    url: 'https://www.asra.com/news-publications/asra-updates/blog-landing/asra-news/2019/08/27/updates-to-the-asra-guidelines-for-interventional-pain-procedures',
    reliability: 'secondary',
    note: "The society's newsletter on the changes from the 2015 to the 2018 edition of the guideline.",
  },
  {
    id: 'clinicalpainadvisor-asra-2015',
    citation:
      'Narouze S, Benzon HT, Provenzano DA, Buvanendran A, De Andres J, Deer TR, Rauck R, Huntoon MA. Interventional Spine and Pain Procedures in Patients on Antiplatelet and Anticoagulant Medications: Guidelines From the American Society of Regional Anesthesia and Pain Medicine, the European Society of Regional Anaesthesia and Pain Therapy, the American Academy of Pain Medicine, the International Neuromodulation Society, the North American Neuromodulation Society, and the World Institute of Pain. Reg Anesth Pain Med 2015;40(3):182–212. doi:10.1097/AAP.0000000000000223',
    url: 'https://doi.org/10.1097/AAP.0000000000000223',
    reliability: 'secondary',
    note: 'The first (2015) edition. The team knows its procedure list through Clinical Pain Advisor\'s summary ("An overview of ASRA guidelines for patients on anticoagulants undergoing pain procedures"): confirm against the guideline.',
  },
  {
    id: 'asipp-2024',
    citation:
      'Manchikanti L, et al. Perioperative management of antiplatelet and anticoagulant therapy in patients undergoing interventional techniques: 2024 updated guidelines from the American Society of Interventional Pain Physicians (ASIPP). Pain Physician 2024;27:S1–S94. doi:10.36076/ppj.2024.7.S1',
    url: 'https://www.painphysicianjournal.com/current/abstracts?article=Nzg3NQ%3D%3D',
    reliability: 'primary',
  },
  {
    id: 'asipp-2024-risk-summary',
    citation:
      'No verified primary source: the procedure bleeding-risk classes attributed to the ASIPP 2024 guideline (Manchikanti L, et al. Pain Physician 2024;27:S1–S94, doi:10.36076/ppj.2024.7.S1)',
    reliability: 'low',
    note: 'Known only from a web summary whose publisher is not identified and whose text broke off inside the high-risk list: check each class against the guideline before relying on it.',
  },
  {
    id: 'benzon-2024-asra-corticosteroid',
    citation:
      'Benzon HT, et al. ASRA-led multisociety guidelines on the use of corticosteroids in interventional pain procedures, part 1 (sympathetic and peripheral nerve blocks, trigger point injections). Reg Anesth Pain Med 2024. doi:10.1136/rapm-2024-105593',
    url: 'https://rapm.bmj.com/content/early/2024/07/16/rapm-2024-105593.abstract',
    reliability: 'primary',
    note: 'Read as its abstract.',
  },
  {
    id: 'facet-sij-corticosteroid-consensus',
    citation:
      'ASRA-led multisociety consensus guidelines on corticosteroid injections for facet joint and sacroiliac joint pain, 2024/25 (part of the series begun by Benzon HT, et al. Reg Anesth Pain Med 2024)',
    url: 'https://experts.mcmaster.ca/scholarly-works/3839991',
    reliability: 'primary',
    note: 'Read as its abstract, on the research portal of an author\'s university; authors, journal pages and DOI not recorded.',
  },
  {
    id: 'cohen-2020-lumbar-facet',
    citation:
      'Cohen SP, et al. Consensus practice guidelines on interventions for lumbar facet joint pain from a multispecialty, international working group. Reg Anesth Pain Med 2020;45(6):424–467. doi:10.1136/rapm-2019-101243. PMID 32245841',
    url: 'https://pubmed.ncbi.nlm.nih.gov/32245841/',
    reliability: 'primary',
  },
  {
    id: 'sis-2019-dexamethasone-shortage',
    citation:
      'Spine Intervention Society. Best-practice recommendations for epidural steroid injections during the preservative-free dexamethasone shortage. Pain Medicine, 2019 (authors and pages not recorded)',
    reliability: 'secondary',
    note: 'Known through a summary in MedicalBag: confirm against the recommendations in Pain Medicine.',
  },
  {
    id: 'aapmr-spinal-procedures',
    citation: 'American Academy of Physical Medicine and Rehabilitation. PM&R KnowledgeNow: "Spinal procedures"',
    url: 'https://now.aapmr.org/spinal-procedures',
    reliability: 'primary',
  },
  {
    id: 'statpearls-epidural-steroids',
    citation: 'StatPearls: "Epidural Steroids". StatPearls Publishing (authors and date not recorded)',
    reliability: 'primary',
  },
  {
    id: 'klessinger-2013',
    citation: 'Klessinger. Tech Orthop 2013;28:18: a review of facet joint interventions (title not recorded)',
    reliability: 'primary',
  },
  {
    id: 'lcd-l33906',
    citation: 'Centers for Medicare & Medicaid Services. Local Coverage Determination L33906, epidural steroid injections for pain management, with billing and coding article A56651',
    reliability: 'secondary',
    note: 'Known through a third-party summary of the policy: confirm against the current LCD in the Medicare Coverage Database.',
  },
  {
    id: 'evicore-cmm-200',
    citation: 'eviCore healthcare. Musculoskeletal clinical guideline CMM-200: epidural steroid injections',
    reliability: 'secondary',
    note: 'A private payer\'s policy, as an example; known through a third-party summary of it: confirm against the current guideline.',
  },
  {
    id: 'tjc-universal-protocol',
    citation:
      'The Joint Commission. Universal Protocol, hospital accreditation standards UP.01.01.01 (pre-procedure verification), UP.01.02.01 (marking the procedure site) and UP.01.03.01 (time-out)',
    reliability: 'primary',
    note: 'With The Joint Commission\'s "Time-Out" document and its FAQ on UP.01.01.01 (https://www.jointcommission.org/standards/standard-faqs/ambulatory/national-patient-safety-goals-npsg/000002148/). Using two patient identifiers is National Patient Safety Goal NPSG.01.01.01, not a Universal Protocol standard; it is cited on its own.',
  },
  {
    id: 'tjc-npsg-01-01-01',
    citation:
      'The Joint Commission. National Patient Safety Goals, NPSG.01.01.01: use at least two patient identifiers when providing care, treatment and services',
    url: 'https://jointcommission.org/standards/standard-faqs/home-care/national-patient-safety-goals-npsg/000001545',
    reliability: 'primary',
    note: 'The address is The Joint Commission\'s FAQ "Two Patient Identifiers: Understanding the Requirements". Not yet in the clinical team\'s reference: cited as [M] until the clinical reviewer adds it.',
  },
  {
    id: 'ama-2-1-1',
    citation: 'American Medical Association. Code of Medical Ethics, Opinion 2.1.1: Informed Consent',
    url: 'https://code-medical-ethics.ama-assn.org',
    reliability: 'primary',
  },
  {
    id: 'asa-2018-moderate-sedation',
    citation:
      'American Society of Anesthesiologists (with AAOMS, ACR, ADA, ASDA and SIR). Practice Guidelines for Moderate Procedural Sedation and Analgesia 2018. Anesthesiology 2018;128(3):437–479',
    reliability: 'secondary',
    note: 'Replaces the 2002 guideline "Sedation and Analgesia by Non-Anesthesiologists". The team read Guideline Central\'s summary of it (its opening part): confirm monitoring advice in the guideline.',
  },
  {
    id: 'asa-2017-fasting',
    citation: 'American Society of Anesthesiologists. Practice guideline for preoperative fasting, 2017 (journal citation not recorded)',
    reliability: 'secondary',
    note: 'The fasting times were read in reproductions of the guideline\'s table: confirm against the guideline.',
  },
  {
    id: 'openfda-bupivacaine-label',
    citation:
      'Bupivacaine hydrochloride injection, US prescribing information (label), Precautions: "Resuscitative equipment, oxygen, and other resuscitative drugs should be available for immediate use". U.S. Food and Drug Administration, openFDA drug label data',
    reliability: 'primary',
  },
  {
    id: 'clinicaltrials-nct01020929',
    citation: 'ClinicalTrials.gov record NCT01020929: a trial of transforaminal epidural injection, exclusion criteria',
    url: 'https://clinicaltrials.gov/study/NCT01020929',
    reliability: 'secondary',
    note: 'The team knows the exclusion criteria only through a summary of the record: confirm against the registry entry.',
  },

];
