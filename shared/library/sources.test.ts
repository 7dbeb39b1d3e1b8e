// The source registry cites original works (fact-reference.md, citing rules 1 and 2):
// every entry passes the schema's rules, none points at a copy, a mirror, a forum or an
// AI summary, none names the fact base, and a fact resting only on low-reliability
// sources counts as needing clinical review wherever review is decided.
import { describe, expect, it } from 'vitest';
import { buildChecklist } from '../domain/checklist';
import { WORKFLOW_ITEMS } from '../workflow/phase-items';
import { parseLibraryDocument, buildLibraryDocument } from './document';
import { awaitingReview, evidenceCounts, factsOf, isFactUnverified, isUnverified } from './evidence-summary';
import { LIBRARY, sourcesCitedBy } from './index';
import { effectiveEvidence, isLowReliability, needsClinicalReview, restsOnLowReliabilityOnly } from './reliability';
import { COPY_HOSTS, copyHostIn, SourceSchema, TEAM_CONSENSUS_CITATION } from './source-schema';
import { CHART_GUIDELINE_IDS, SOURCES } from './sources';
import { FORMER_CITATIONS } from './sources-former';

const byId = (id: string) => SOURCES.find((s) => s.id === id)!;

describe('the source registry', () => {
  it('passes the schema: no copy host in any address, citation or note; no "code corpus", "mirror", "copy" or fact-base file', () => {
    for (const s of SOURCES) {
      const parsed = SourceSchema.safeParse(s);
      expect(parsed.error?.issues ?? [], s.id).toEqual([]);
      expect(copyHostIn(`${s.citation} ${s.url ?? ''} ${s.note ?? ''}`), s.id).toBeNull();
      expect(`${s.citation} ${s.note ?? ''}`, s.id).not.toMatch(/code corpus|mirror|\bcop(y|ies)\b|clinical-facts|fact base/i);
    }
  });

  it('refuses an entry that points at a copy or hides where it comes from', () => {
    const ok = { id: 'x-source', citation: 'Author A. Title. J Example 2020;1:1', reliability: 'primary' as const };
    expect(SourceSchema.safeParse(ok).success).toBe(true);
    for (const url of ['https://www.droracle.ai/articles/1', 'https://www.scribd.com/document/1', 'https://pdfcoffee.com/x', 'https://studylib.net/doc/1',
      'https://medilib.ir/uptodate/show/1', 'http://forum.example.com/t/1', 'https://forums.studentdoctor.net/t', 'http://mitchmedical.us/x',
      'http://78stepshealth.us/x', 'https://c.coek.info/x', 'https://docslib.org/x', 'https://p-web.fly.dev/x', 'https://verity.backworkai.com/policy/L1']) {
      expect(SourceSchema.safeParse({ ...ok, url }).error?.issues[0]?.path, url).toEqual(['url']);
    }
    for (const citation of ['Trial exclusions (as summarised in the code corpus)', 'UpToDate graphic (mirror copy)', 'Opinion 2.1.1 (text copy)',
      'ProcedureDesk clinical fact base (clinical-facts.md) §2.0', 'Summary (droracle.ai; verify)']) {
      expect(SourceSchema.safeParse({ ...ok, citation }).success, citation).toBe(false);
    }
    // A low-reliability source says so.
    expect(SourceSchema.safeParse({ ...ok, reliability: 'low' }).success).toBe(false);
    expect(SourceSchema.safeParse({ ...ok, reliability: 'low', citation: 'No verified primary source: a clinic page' }).success).toBe(true);
    // The denylist is one list, and holds at least the hosts the issue names.
    for (const host of ['droracle', 'scribd', 'pdfcoffee', 'studylib', 'medilib', 'forum.', 'studentdoctor', 'mitchmedical', '78stepshealth', 'coek.info', 'docslib', 'p-web.fly.dev', 'verity.backworkai']) {
      expect(COPY_HOSTS).toContain(host);
    }
  });

  it('keeps every id the templates cite (a stored template version is hashed with its source ids)', () => {
    const ids = new Set(SOURCES.map((s) => s.id));
    for (const t of LIBRARY) for (const s of sourcesCitedBy(t)) expect(ids.has(s.id), `${t.id}: ${s.id}`).toBe(true);
    for (const id of Object.keys(FORMER_CITATIONS)) expect(ids.has(id), id).toBe(true);
  });

  it('cites Racoosin as N Engl J Med 2015 with its DOI, and the team consensus as unverified, never as a file', () => {
    const racoosin = byId('racoosin-2017-nejm');
    expect(racoosin.citation).toContain('Racoosin JA, Seymour SM, Cascio L, Gill R.');
    expect(racoosin.citation).toContain('N Engl J Med 2015;373(24):2299–2301');
    expect(racoosin.citation).toContain('doi:10.1056/NEJMp1511754');
    expect(racoosin.citation).not.toContain('2017');
    for (const id of ['fact-base-consensus', 'fact-base-blocks-consensus']) {
      expect(byId(id).citation).toBe(TEAM_CONSENSUS_CITATION);
      expect(byId(id).citation).toMatch(/unverified.*needs clinical review/);
      expect(byId(id).reliability).toBe('low');
    }
  });

  it('attributes two patient identifiers to NPSG.01.01.01, not the Universal Protocol', () => {
    const identity = WORKFLOW_ITEMS.find((i) => i.id === 'wf-identity-two-identifiers')!;
    expect(identity.sources.map((s) => s.sourceId)).toContain('tjc-npsg-01-01-01');
    expect(identity.sources.map((s) => s.sourceId)).not.toContain('tjc-universal-protocol');
    expect(byId('tjc-npsg-01-01-01').citation).toContain('NPSG.01.01.01');
    expect(byId('tjc-npsg-01-01-01').citation).toMatch(/two patient identifiers/);
    // The templates' own identity step still cites the UP entry (changing it needs a new template version); that entry says so.
    expect(byId('tjc-universal-protocol').note).toMatch(/NPSG\.01\.01\.01, not a Universal Protocol standard/);
  });

  it('lets a chart name only primary guidelines, each an original work in the registry', () => {
    expect(CHART_GUIDELINE_IDS).toEqual(['narouze-2018-asra', 'fda-dsc-2014', 'rathmell-2015', 'who-surgical-safety-checklist-2009', 'tjc-universal-protocol', 'ama-2-1-1']);
    for (const id of CHART_GUIDELINE_IDS) expect(byId(id).reliability, id).toBe('primary');
  });
});

describe('facts resting on low-reliability sources only', () => {
  it('need clinical review whatever their tag; one verified source among them is enough to keep the tag', () => {
    expect(isLowReliability('droracle-esi-glucose')).toBe(true);
    expect(isLowReliability('narouze-2018-asra')).toBe(false);
    expect(isLowReliability('no-such-source')).toBe(true);
    const aiOnly = [{ sourceId: 'droracle-aldrete', evidence: 'V2' as const }];
    expect(restsOnLowReliabilityOnly(aiOnly)).toBe(true);
    expect(needsClinicalReview(aiOnly)).toBe(true);
    expect(effectiveEvidence(aiOnly)).toBe('M');
    const withPrimary = [...aiOnly, { sourceId: 'wjge-2013-padss', evidence: 'V2' as const }];
    expect(needsClinicalReview(withPrimary)).toBe(false);
    expect(effectiveEvidence(withPrimary)).toBe('V2');
    expect(needsClinicalReview([{ sourceId: 'narouze-2018-asra', evidence: 'M' }])).toBe(true);
    expect(needsClinicalReview([])).toBe(false);
  });

  it('are flagged by the checklist, the review queue and the evidence counts alike, a risk whose incidence rests on a lay page too', () => {
    let seen = 0;
    for (const t of LIBRARY) {
      const items = new Map(buildChecklist(t).flatMap((s) => s.items).map((i) => [i.id, i]));
      const counts = evidenceCounts(t);
      expect(counts.M + counts.inference, t.id).toBe(awaitingReview(t, new Set()).length);
      for (const fact of factsOf(t).filter((f) => f.parts.some((p) => restsOnLowReliabilityOnly(p)))) {
        seen++;
        expect(isFactUnverified(fact), `${t.id} ${fact.id}`).toBe(true);
        if (restsOnLowReliabilityOnly(fact.sources)) expect(isUnverified(fact.sources), `${t.id} ${fact.id}`).toBe(true);
        const item = items.get(fact.id);
        if (item) expect(item.needsReview, `${t.id} ${fact.id}`).toBe(true);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe('library documents exported before the registry named original works', () => {
  it('still import: a source may carry its former citation and no reliability', () => {
    const template = LIBRARY.find((t) => t.id === 'lumbar-medial-branch-block')!;
    const known = new Map(SOURCES.map((s) => [s.id, s]));
    const current = buildLibraryDocument([template], sourcesCitedBy(template), '2026-01-01T00:00:00.000Z');
    expect(parseLibraryDocument(current, known).ok).toBe(true);
    const old = JSON.parse(current) as { sources: { id: string; citation: string; reliability?: string; note?: string }[] };
    old.sources = old.sources.map(({ id, citation }) => ({ id, citation: FORMER_CITATIONS[id]?.[0] ?? citation }));
    expect(parseLibraryDocument(JSON.stringify(old), known)).toMatchObject({ ok: true });
    // Any other citation for a known id is still refused.
    old.sources[0]!.citation = 'Something else entirely';
    expect(parseLibraryDocument(JSON.stringify(old), known)).toMatchObject({ ok: false, problems: [{ path: 'sources.0.citation' }] });
  });
});

describe('a risk whose incidence figure rests on low-reliability sources only', () => {
  it('needs review although the risk itself has a verified or secondary source', () => {
    const tfesi = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!;
    const infection = tfesi.risks.find((r) => r.id === 'infection')!;
    expect(restsOnLowReliabilityOnly(infection.incidence!.sources)).toBe(true);
    expect(restsOnLowReliabilityOnly(infection.sources)).toBe(false);
    const fact = factsOf(tfesi).find((f) => f.id === 'infection')!;
    expect(isFactUnverified(fact)).toBe(true);
    expect(buildChecklist(tfesi).flatMap((s) => s.items).find((i) => i.id === 'infection')!.needsReview).toBe(true);
  });
});
