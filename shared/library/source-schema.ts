/**
 * A cited source, and the rules every entry of the registry keeps (the team's citing
 * rules: the top of shared/clinical/fact-reference.md).
 *
 * An entry names the ORIGINAL work: authors, title, journal, year, DOI or the official
 * address, as far as the fact base records them. Where the team read a work is research
 * history and stays in the fact base: no entry points at a copy, a mirror, a forum, an
 * AI-generated summary or a code repository, and none names the fact base's file. Where a
 * fact rests on nothing but such material, the entry says so ("No verified primary
 * source: …") and carries reliability 'low'; a fact whose sources are all low-reliability
 * counts as needing clinical review whatever its evidence tag (shared/library/reliability.ts).
 */
import { z } from 'zod';
import { libraryText } from '../contract/text';

/**
 * How far a source can carry a fact:
 * - 'primary': the original work, or a copy true to it (its abstract, the regulator's,
 *   society's or publisher's own page);
 * - 'secondary': a named secondary work (an UpToDate graphic, a society newsletter, a
 *   review, a summary of a payer policy), or an original work the team knows only through
 *   such a summary; facts resting on it say "confirm against the primary";
 * - 'low': no verified primary source. An AI-generated summary, a forum post, a page for
 *   lay readers or by a clinic or vendor, a podcast, a page or excerpt nobody can identify,
 *   a third-party software encoding, the clinical team's own unverified consensus. Never
 *   evidence, never printed in a chart note.
 */
export const SOURCE_RELIABILITY = ['primary', 'secondary', 'low'] as const;
export type SourceReliability = (typeof SOURCE_RELIABILITY)[number];

/** What the reference view says of each reliability level. */
export const RELIABILITY_LABEL: Record<SourceReliability, string> = {
  primary: 'original work',
  secondary: 'secondary source: confirm against the primary',
  low: 'no verified primary source: needs clinical review',
};

/**
 * Hosts of copies, mirrors, document-sharing sites, forums and AI-generated summaries: an
 * address on one of them is never a source's address, and no chart export may contain one
 * (db/export/honest-sources.test.ts). The one list; add a host here, nowhere else.
 */
export const COPY_HOSTS: readonly string[] = [
  // AI-generated summaries
  'droracle', 'verity.backworkai', 'backworkai',
  // Document-sharing and copy sites
  'scribd', 'pdfcoffee', 'studylib', 'docslib', 'coek.info', 'docobook', 'pdfslide', 'fdocuments', 'pdffox', 'dokumen.pub',
  'vdocuments', 'idoc.pub', 'doku.pub', 'epdf.pub', 'aneskey', 'basicmedicalkey', 'clinicalgate', 'musculoskeletalkey', 'radiologykey',
  // Mirrors of UpToDate and textbooks
  'medilib', 'mitchmedical', '78stepshealth',
  // Forums, podcasts, wikis, unidentified summary pages
  'forum.', 'forums.', 'studentdoctor', 'castbox', 'neurosurgerywiki', 'p-web.fly.dev', 'shuhub', 'pages.dev', 'jesse.tg',
  // Code repositories (summaries found in code are not sources)
  'github.com', 'githubusercontent', 'huggingface.co',
];

/** Words a citation may not use: it names the original work, not the place a copy was read. */
export const FORBIDDEN_CITATION_WORDS: readonly RegExp[] = [/code corpus/i, /\bmirror/i, /\bcop(y|ies)\b/i, /clinical-facts\.md/i, /\bfact base\b/i];

/** How the registry names the clinical team's own facts tagged [M] with no external source, or inferred from related facts. */
export const TEAM_CONSENSUS_CITATION = 'ProcedureDesk clinical team consensus (unverified): no external source; needs clinical review';

/** The first denylisted host in a text (an address, a citation, a whole exported note), or null. */
export function copyHostIn(text: string): string | null {
  const lower = text.toLowerCase();
  return COPY_HOSTS.find((host) => lower.includes(host)) ?? null;
}

const SourceFields = {
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** The original work (authors, title, journal, year, DOI), or "No verified primary source: …". */
  citation: libraryText('the citation', 'line'),
  /** The original work's address: a DOI link or the issuer's own page. Never a copy's. */
  url: libraryText('the address', 'line').optional(),
  reliability: z.enum(SOURCE_RELIABILITY),
  /**
   * For the reference view only, never a chart note: how the team knows the work (e.g.
   * "known only through a summary: confirm against the guideline") or what it does not cover.
   */
  note: libraryText('the note').optional(),
};

export const SourceSchema = z.strictObject(SourceFields).superRefine((s, ctx) => {
  const host = s.url ? copyHostIn(s.url) : null;
  if (host) ctx.addIssue({ code: 'custom', path: ['url'], message: `"${host}" hosts copies, forums or AI summaries: give the original work's DOI or official address` });
  for (const [path, text] of [['citation', s.citation], ['note', s.note ?? '']] as const) {
    const inText = copyHostIn(text);
    if (inText) ctx.addIssue({ code: 'custom', path: [path], message: `names "${inText}": cite the original work, not where a copy was read` });
    for (const word of FORBIDDEN_CITATION_WORDS) {
      if (word.test(text)) ctx.addIssue({ code: 'custom', path: [path], message: `may not say "${text.match(word)![0]}": cite the original work, not a copy or the fact base` });
    }
  }
  if (s.reliability === 'low' && !/^No verified primary source/.test(s.citation) && s.citation !== TEAM_CONSENSUS_CITATION) {
    ctx.addIssue({ code: 'custom', path: ['citation'], message: 'a low-reliability source says so: begin "No verified primary source" (or name the team consensus as unverified)' });
  }
});
export type Source = z.infer<typeof SourceSchema>;

/**
 * A source as a library exchange document carries it: a cross-check of the ids its
 * templates cite against this app's registry, which alone decides what is shown.
 * Documents exported before sources carried a reliability are still read.
 */
export const DocumentSourceSchema = z.strictObject({ ...SourceFields, reliability: z.enum(SOURCE_RELIABILITY).optional() });
export type DocumentSource = z.infer<typeof DocumentSourceSchema>;
