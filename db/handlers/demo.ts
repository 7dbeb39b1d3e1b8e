/** Sample data for a first look, only into an empty database. */
import type { Dispatch, Handlers } from '#shared/contract/dispatcher';
import { seedDemo } from '../demo';
import { seedDemoOutcomes } from '../demo-outcomes';
import type { HandlerContext } from './support/context';

/**
 * Goes back through the dispatcher, so its writes are validated and audited like any caller's;
 * one entry of its own then says these records are the sample data, and who loaded it.
 */
export function demoHandlers(ctx: HandlerContext, dispatch: Dispatch): Pick<Handlers, 'demo.seed'> {
  return {
    'demo.seed': async ({ today }, { token, caller }) => {
      const added = (await seedDemo(dispatch, token, ctx.db, today))
        && (await seedDemoOutcomes({ dispatch, token, caller, db: ctx.db, workflow: ctx.workflow, audit: ctx.audit, newId: ctx.newId, now: ctx.now }, today));
      if (added) ctx.audit.append({ at: ctx.now(), user: caller.actor, patientId: null, action: 'demo.seed', target: `sample data for ${today}` });
      return { added };
    },
  };
}
