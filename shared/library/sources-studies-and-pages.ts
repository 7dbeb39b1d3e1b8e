/**
 * The primary studies the first-cut templates cite, then the textbooks, lay and clinic pages
 * and AI-generated summaries where the fact base records nothing better: those say "No
 * verified primary source" and are 'low' (source-schema.ts).
 */
import type { Source } from './source-schema';

export const STUDY_AND_PAGE_SOURCES: readonly Source[] = [
  // Primary studies
  {
    id: 'manchikanti-2012-epidural-complications',
    citation:
      'Manchikanti L, et al. Prospective evaluation of complications of more than 10,000 fluoroscopically directed epidural injections. Pain Physician 2012 (full citation not recorded)',
    reliability: 'secondary',
    note: 'Known through an MDLinx news summary: confirm the figures against the paper.',
  },
  {
    id: 'manchikanti-2012-facet-complications',
    citation:
      'Manchikanti L, et al. Complications of fluoroscopically directed facet joint nerve blocks: a prospective evaluation of ~7,500 episodes with 43,000 nerve blocks. Pain Physician 2012;15:E143',
    reliability: 'primary',
    note: 'Title and outcomes only: the rates were not read.',
  },

  // Textbooks, lay and clinic pages, AI-generated summaries
  {
    id: 'spine-health-esi-risks',
    citation: 'No verified primary source: risks of epidural steroid injection as listed on a patient-education website',
    reliability: 'low',
    note: 'A page for lay readers. Confirm each risk against Spine Secrets or Benedetti et al., Tech Reg Anesth Pain Manag 2009;13:236.',
  },
  {
    id: 'spine-secrets-excerpt',
    citation: 'Spine Secrets (textbook; edition, chapter and authors not recorded): complications of epidural steroid injection',
    reliability: 'secondary',
    note: 'Read as an excerpt: confirm the list against the book.',
  },
  {
    id: 'stepshealth-textbook-excerpt',
    citation: 'No verified primary source: an excerpt of an unidentified textbook on epidural steroid pharmacology and HPA-axis suppression',
    reliability: 'low',
  },
  {
    id: 'vancouverspinedoctor-complications',
    citation: "No verified primary source: a clinic's patient page on spinal-injection complications and patient restrictions",
    reliability: 'low',
  },
  {
    id: 'psadocs-preparing',
    citation: "No verified primary source: a clinic's patient page on preparing for a procedure (reschedule if unwell)",
    reliability: 'low',
  },
  {
    id: 'sabackpain-lsb',
    citation: "No verified primary source: a clinic's patient page (an escort home after sedation)",
    reliability: 'low',
  },
  {
    id: 'martinez-serrano-discharge-summary',
    citation:
      'Martínez Serrano B, et al. Anticoagulant and interventional pain management: warning signs after neuraxial procedures (journal and year not recorded)',
    reliability: 'secondary',
    note: 'Known only through a journal-club summary of the paper: confirm against the paper.',
  },
  {
    id: 'droracle-aldrete',
    citation:
      'No verified primary source: the Aldrete recovery score (respiration, SpO2, consciousness, circulation, activity, each 0–2; discharge at ≥9)',
    reliability: 'low',
    note: 'Known only from an AI-generated summary: confirm against the original description of the score.',
  },
  {
    id: 'wjge-2013-padss',
    citation: 'Modified Post-Anesthetic Discharge Scoring System (PADSS), table in World J Gastrointest Endosc 2013;5(10):502 (authors not recorded)',
    url: 'https://www.wjgnet.com/1948-5190/tables/v5/i10/502.htm',
    reliability: 'primary',
  },
  {
    id: 'droracle-esi-glucose',
    citation: 'No verified primary source: how long blood glucose stays raised after an epidural steroid injection',
    reliability: 'low',
    note: 'Known only from an AI-generated summary.',
  },
  {
    id: 'droracle-esi-dose',
    citation:
      'No verified primary source: the randomized trials comparing epidural steroid doses (methylprednisolone, triamcinolone, dexamethasone) are not identified',
    reliability: 'low',
    note: 'Known only from AI-generated summaries: find and cite the trials themselves.',
  },
  {
    id: 'droracle-bmj-2025-axial',
    citation:
      'No verified primary source: a 2025 BMJ Rapid Recommendation against epidural injections for chronic axial spine pain is reported, not verified',
    reliability: 'low',
    note: 'Known only from an AI-generated summary: confirm against the BMJ Rapid Recommendation itself.',
  },
  {
    id: 'studentdoctor-tf-vs-il',
    citation:
      'No verified primary source: a large database analysis comparing the complications of transforaminal and interlaminar epidural steroid injections, not identified',
    reliability: 'low',
    note: 'Known only from a forum post.',
  },
  {
    id: 'droracle-facet-payer-criteria',
    citation: 'No verified primary source: insurance-policy wording on diagnostic medial branch blocks before radiofrequency ablation (policy not identified)',
    reliability: 'low',
    note: 'Known only from an AI-generated summary: confirm against the payer\'s policy or the Medicare facet LCDs.',
  },
  {
    id: 'droracle-mbb-volume',
    citation: 'No verified primary source: the injectate volume of a diagnostic medial branch block',
    reliability: 'low',
    note: 'Known only from an AI-generated summary.',
  },
];
