/** The audit trail screen: every page comes with the check of the chain and its seal; an administrator acknowledges an alarm. */
import type { Handlers } from '#shared/contract/dispatcher';
import type { AuditLog } from '../audit';
import type { AuditGuard } from '../audit-guard';
import type { Auth } from '../auth/sessions';

export function auditHandlers(deps: { audit: AuditLog; guard: AuditGuard; auth: Auth }): Pick<Handlers, 'audit.list' | 'audit.verify' | 'audit.acknowledgeAlarm'> {
  const { audit, guard, auth } = deps;
  return {
    // Checked on every read: the seal against the head (a cut or replayed trail), and every entry shown.
    'audit.list': (filter) => {
      const entries = audit.list(filter);
      return { entries, verdict: guard.checkPage(entries.map((e) => e.seq)) };
    },
    // The whole chain, in steps that let other calls through.
    'audit.verify': () => guard.verify(),
    'audit.acknowledgeAlarm': async ({ reason, password }, { caller }) => {
      await auth.confirmPassword(caller, password, 'audit.acknowledgeAlarm');
      return guard.acknowledge(caller.actor, reason);
    },
  };
}
