/**
 * A refusal that must itself be audited (a wrong password when signing, a
 * signed note that fails verification). It is thrown inside the write's
 * transaction, which rolls back; the audit wrapper then appends this event on
 * its own, so the attempt is never lost. `also` is a change that must outlive
 * the rollback in the same way (the wrong password's count towards the lockout).
 */
import { CommandError, type ErrorCode } from '#shared/contract/errors';
import type { AuditEvent } from './audit';

export class AuditedRefusal extends CommandError {
  constructor(code: ErrorCode, message: string, details: unknown, readonly event: AuditEvent, readonly also?: () => void) {
    super(code, message, details);
    this.name = 'AuditedRefusal';
  }
}
