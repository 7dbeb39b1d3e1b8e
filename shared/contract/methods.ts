/**
 * THE command contract, assembled: every operation the UI can ask for, by name.
 * Each namespace declares its methods (schemas, access, audit, who serves it)
 * in its own file; both transports carry exactly these calls to the dispatcher.
 */
import type { z } from 'zod';
import { AUDIT_METHODS } from './audit';
import { AUTH_METHODS } from './auth';
import { BACKUP_METHODS } from './backup';
import { CHECKLIST_METHODS } from './checklist';
import { CONSENT_METHODS } from './consent';
import { COVERAGE_METHODS } from './coverage';
import { DAY_TEAM_METHODS } from './day-team';
import { DELIVERY_METHODS } from './delivery';
import { SCHEDULE_METHODS } from './schedule';
import { DEMO_METHODS } from './demo';
import { ENCOUNTER_METHODS } from './encounter';
import { EXPORT_METHODS } from './export';
import { FOLLOW_UP_METHODS } from './follow-up';
import { INTAKE_METHODS } from './intake';
import { HANDOUT_METHODS } from './handout';
import { LIBRARY_METHODS } from './library';
import { NOTE_METHODS } from './note';
import { OUTCOMES_METHODS } from './outcomes';
import { PATIENT_METHODS } from './patient';
import { PATIENT_FACTS_METHODS } from './patient-facts';
import { RECOVERY_METHODS } from './recovery';
import { SETTINGS_METHODS } from './settings';
import { STEROID_METHODS } from './steroid';
import { SYSTEM_METHODS } from './system';
import { USERS_METHODS } from './users';

export { roleAllowed, type Access, type AuditDecision, type ServedBy } from './method-spec';

export const METHODS = {
  ...AUTH_METHODS,
  ...USERS_METHODS,
  ...SETTINGS_METHODS,
  ...SYSTEM_METHODS,
  ...LIBRARY_METHODS,
  ...PATIENT_METHODS,
  ...PATIENT_FACTS_METHODS,
  ...INTAKE_METHODS,
  ...ENCOUNTER_METHODS,
  ...CHECKLIST_METHODS,
  ...DAY_TEAM_METHODS,
  ...CONSENT_METHODS,
  ...NOTE_METHODS,
  ...HANDOUT_METHODS,
  ...EXPORT_METHODS,
  ...DELIVERY_METHODS,
  ...SCHEDULE_METHODS,
  ...RECOVERY_METHODS,
  ...BACKUP_METHODS,
  ...AUDIT_METHODS,
  ...DEMO_METHODS,
  ...FOLLOW_UP_METHODS,
  ...OUTCOMES_METHODS,
  ...COVERAGE_METHODS,
  ...STEROID_METHODS,
} as const;

export type Methods = typeof METHODS;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;
/** Methods the core serves over its open database, and those db/runtime.ts serves because they replace or copy it. */
export type CoreMethod = { [M in MethodName]: Methods[M]['servedBy'] extends 'core' ? M : never }[MethodName];
export type RuntimeMethod = Exclude<MethodName, CoreMethod>;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(METHODS, name);
}

/** The one channel both transports use, and the events pushed to the renderer. */
export const IPC_CHANNEL = 'proceduredesk:invoke';
export const EVENT_CHANNEL = 'proceduredesk:event';
