/** What the about box shows: versions and where the data lives. */
import type { Handlers } from '#shared/contract/dispatcher';
import type { HandlerContext } from './support/context';

export function systemHandlers(ctx: HandlerContext): Pick<Handlers, 'system.info'> {
  return {
    'system.info': () => ({ appVersion: ctx.appVersion, schemaVersion: ctx.schemaVersion, dataDir: ctx.dataDir }),
  };
}
