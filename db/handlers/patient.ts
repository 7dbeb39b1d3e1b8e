/** Registering and finding patients. */
import { CommandError } from '#shared/contract/errors';
import type { Handlers } from '#shared/contract/dispatcher';
import type { HandlerContext } from './support/context';

export function patientHandlers(ctx: HandlerContext): Pick<Handlers, 'patient.create' | 'patient.search'> {
  return {
    'patient.create': (fields, { caller }) => {
      if (fields.birthDate > ctx.now().slice(0, 10)) {
        throw new CommandError('INVALID_INPUT', 'patient.create: birthDate: is in the future', [
          { path: 'birthDate', message: 'is in the future' },
        ]);
      }
      if (ctx.patients.getByMrn(fields.mrn)) {
        throw new CommandError('CONFLICT', `MRN ${fields.mrn} is already registered to another patient.`, [
          { path: 'mrn', message: 'is already in use' },
        ]);
      }
      const patient = { id: ctx.newId(), ...fields, createdAt: ctx.now() };
      ctx.patients.insert(patient, caller.actor);
      return patient;
    },
    'patient.search': ({ query, limit }) => ctx.patients.search(query, limit),
  };
}
