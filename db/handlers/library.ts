/** The procedure library as the bedside reads it. */
import type { Handlers } from '#shared/contract/dispatcher';
import { sourcesCitedBy } from '#shared/library/index';
import type { HandlerContext } from './context';
import { requireTemplate } from './lookups';

export function libraryHandlers(ctx: HandlerContext): Pick<Handlers, 'library.list' | 'library.get'> {
  return {
    'library.list': () => ctx.templates.listLatest(),
    'library.get': ({ templateId, version }) => {
      const template = requireTemplate(ctx, templateId, version);
      return { template, sources: sourcesCitedBy(template), reviews: ctx.reviews.list(templateId, version) };
    },
  };
}
