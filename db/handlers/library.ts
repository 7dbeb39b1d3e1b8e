/** The procedure library: as the bedside reads it, and its review, versions, import/export and FHIR Questionnaire. */
import { CommandError } from '#shared/contract/errors';
import type { Handlers } from '#shared/contract/dispatcher';
import { buildLibraryDocument, citedSources, parseLibraryDocument } from '#shared/library/document';
import { diffTemplates } from '#shared/library/diff';
import { factsOf } from '#shared/library/evidence-summary';
import { isReviewable, reviewBacklog } from '#shared/library/review-backlog';
import { SOURCES } from '#shared/library/sources';
import { sourcesCitedBy } from '#shared/library/index';
import { templateToQuestionnaire } from '#shared/library/questionnaire';
import type { Template } from '#shared/library/schema';
import type { HandlerContext } from './support/context';
import { requireTemplate } from './support/lookups';

type LibraryMethods =
  | 'library.list' | 'library.get' | 'library.overview' | 'library.acceptFact' | 'library.publish' | 'library.diff'
  | 'library.export' | 'library.import' | 'library.questionnaire';

const registry = new Map(SOURCES.map((s) => [s.id, s]));

function unknownSources(template: Template): { path: string; message: string }[] {
  return citedSources(template)
    .filter((c) => !registry.has(c.sourceId))
    .map((c) => ({ path: `template.${c.path}`, message: `cites unknown source "${c.sourceId}"` }));
}

/** Until accounts and an admin role arrive (issue 4), clinical content is reviewed and published by physicians. */
function requirePhysician(actor: { role: string }, what: string): void {
  if (actor.role !== 'physician') throw new CommandError('FORBIDDEN', `Only a physician may ${what}.`);
}

export function libraryHandlers(ctx: HandlerContext): Pick<Handlers, LibraryMethods> {
  return {
    'library.list': () => ctx.templates.listLatest(),
    'library.get': ({ templateId, version }) => {
      const template = requireTemplate(ctx, templateId, version);
      return { template, sources: sourcesCitedBy(template), reviews: ctx.reviews.list(templateId, version) };
    },
    'library.overview': () =>
      ctx.templates.listLatest().map((summary) => {
        const template = requireTemplate(ctx, summary.id, summary.version);
        return {
          id: summary.id,
          name: summary.name,
          category: summary.category,
          latestVersion: summary.version,
          versions: ctx.templates.versions(summary.id),
          backlog: reviewBacklog(template, ctx.reviews.list(summary.id, summary.version)),
        };
      }),

    // The dispatcher already limits this to physicians; the handler says so again, so no other path can skip it.
    'library.acceptFact': ({ templateId, version, factId, comment }, { caller: { actor } }) => {
      requirePhysician(actor, 'accept a fact for the clinic');
      const template = requireTemplate(ctx, templateId, version);
      const fact = factsOf(template).find((f) => f.id === factId);
      if (!fact) throw new CommandError('NOT_FOUND', `${template.name} v${version} has no fact "${factId}".`);
      if (!isReviewable(fact)) {
        throw new CommandError('INVALID_INPUT', `Fact "${factId}" rests on verified primary sources and needs no acceptance; only facts that need clinical review or rest on a secondary source are accepted.`);
      }
      if (ctx.reviews.list(templateId, version).some((r) => r.factId === factId)) {
        throw new CommandError('CONFLICT', `Fact "${factId}" of ${template.name} v${version} is already accepted.`);
      }
      const review = { factId, acceptedAt: ctx.now(), acceptedBy: actor, comment };
      ctx.reviews.accept(templateId, version, factId, review.acceptedAt, actor, comment);
      return review;
    },

    'library.publish': ({ basedOnVersion, template: edited }, { caller: { actor } }) => {
      requirePhysician(actor, 'publish a template version');
      const latest = ctx.templates.latest(edited.id);
      if (!latest) throw new CommandError('NOT_FOUND', `No template "${edited.id}" to publish a new version of.`);
      if (latest.version !== basedOnVersion) {
        throw new CommandError('CONFLICT', `Version ${latest.version} was published since this edit began from version ${basedOnVersion}; start again from it.`);
      }
      const problems = unknownSources(edited);
      if (problems.length) throw new CommandError('INVALID_INPUT', `library.publish: ${problems[0]?.path}: ${problems[0]?.message}`, problems);
      const next: Template = { ...edited, version: latest.version + 1 };
      if (diffTemplates(latest, next).length === 0) {
        throw new CommandError('CONFLICT', 'Nothing changed: the edit is identical to the latest version.');
      }
      ctx.templates.store(next, ctx.now());
      return { id: next.id, version: next.version, name: next.name, category: next.category };
    },

    'library.diff': ({ templateId, from, to }) =>
      diffTemplates(requireTemplate(ctx, templateId, from), requireTemplate(ctx, templateId, to)),

    'library.export': ({ templateIds, allVersions }) => {
      const wanted = templateIds ? new Set(templateIds) : null;
      const latest = new Map(ctx.templates.listLatest().map((t) => [t.id, t.version]));
      for (const id of wanted ?? []) if (!latest.has(id)) throw new CommandError('NOT_FOUND', `No template "${id}".`);
      const templates = ctx.templates
        .all()
        .filter((t) => (!wanted || wanted.has(t.id)) && (allVersions || latest.get(t.id) === t.version));
      const cited = new Map(templates.flatMap((t) => sourcesCitedBy(t)).map((s) => [s.id, s]));
      const exportedAt = ctx.now();
      const scope = wanted && wanted.size === 1 ? [...wanted][0] : 'library';
      return {
        document: buildLibraryDocument(templates, [...cited.values()], exportedAt),
        fileBaseName: `proceduredesk-${scope}_${exportedAt.slice(0, 10)}`,
      };
    },

    'library.import': ({ document }) => {
      const parsed = parseLibraryDocument(document, registry);
      if (!parsed.ok) {
        const first = parsed.problems[0];
        throw new CommandError('INVALID_INPUT', `library.import: ${first?.path}: ${first?.message}`, parsed.problems.slice(0, 100));
      }
      const templates = parsed.document.templates;
      const conflicts = templates
        .map((t, i) => ({ t, i, stored: ctx.templates.get(t.id, t.version) }))
        .filter(({ t, stored }) => stored && diffTemplates(stored, t).length > 0)
        .map(({ t, i }) => ({ path: `templates.${i}`, message: `${t.id} version ${t.version} already exists here with different content` }));
      if (conflicts.length) throw new CommandError('CONFLICT', `library.import: ${conflicts[0]?.path}: ${conflicts[0]?.message}`, conflicts);
      const result = { inserted: [] as { id: string; version: number }[], unchanged: [] as { id: string; version: number }[] };
      const now = ctx.now();
      // All or nothing: one transaction for every template in the document.
      ctx.db.transaction(() => {
        for (const t of templates) result[ctx.templates.store(t, now)].push({ id: t.id, version: t.version });
      }).immediate();
      return result;
    },

    'library.questionnaire': ({ templateId, version }) => ({ ...templateToQuestionnaire(requireTemplate(ctx, templateId, version)) }),
  };
}
