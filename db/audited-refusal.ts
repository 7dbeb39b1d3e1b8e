/**
 * A refusal that must itself be audited (a wrong password when signing). It is
 * thrown inside the write's transaction, which rolls back; the audit wrapper
 * then appends this event on its own, so the attempt is never lost.
 */
import { CommandError, type ErrorCode } from '#shared/contract/errors';
import type { AuditEvent } from './audit';

export class AuditedRefusal extends CommandError {
  constructor(code: ErrorCode, message: string, details: unknown, readonly event: AuditEvent) {
    super(code, message, details);
    this.name = 'AuditedRefusal';
  }
}
