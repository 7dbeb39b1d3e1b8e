/** Registering and finding patients, and correcting the preferred language. */
import { languageLabel } from '#shared/domain/languages';
import { CommandError } from '#shared/contract/errors';
import type { Handlers } from '#shared/contract/dispatcher';
import type { HandlerContext } from './support/context';

export function patientHandlers(ctx: HandlerContext): Pick<Handlers, 'patient.create' | 'patient.search' | 'patient.setLanguage'> {
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
    'patient.setLanguage': ({ patientId, language }, { caller }) => {
      const patient = ctx.patients.get(patientId);
      if (!patient) throw new CommandError('NOT_FOUND', `No patient ${patientId}.`);
      if (patient.language === language) {
        const now = language ? languageLabel(language) : 'not recorded';
        throw new CommandError('CONFLICT', `The preferred language is already ${now}: nothing to change.`, [{ path: 'language', message: `is already ${now}` }]);
      }
      ctx.patients.setLanguage(patientId, patient.language, language, ctx.now(), caller.actor, caller.userId);
      return { ...patient, language };
    },
  };
}
