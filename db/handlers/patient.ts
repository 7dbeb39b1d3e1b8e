/** Registering and finding patients, and correcting the preferred language and the payer. */
import { languageLabel } from '#shared/domain/languages';
import { CommandError } from '#shared/contract/errors';
import type { Handlers } from '#shared/contract/dispatcher';
import type { Caller } from '#shared/contract/dispatcher';
import { PAYER_LABELS, type Patient } from '#shared/contract/patient';
import type { PatientDetail } from '../repositories/patients';
import type { HandlerContext } from './support/context';

export function patientHandlers(ctx: HandlerContext): Pick<Handlers, 'patient.create' | 'patient.search' | 'patient.setLanguage' | 'patient.setPayer'> {
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
      const patient = { id: ctx.newId(), ...fields, payer: null, createdAt: ctx.now() };
      ctx.patients.insert(patient, caller.actor);
      return patient;
    },
    'patient.search': ({ query, limit }) => ctx.patients.search(query, limit),
    'patient.setLanguage': ({ patientId, language }, { caller }) =>
      setDetail(ctx, caller, patientId, 'language', language, (tag) => (tag ? languageLabel(tag) : 'not recorded'), 'The preferred language'),
    'patient.setPayer': ({ patientId, payer }, { caller }) =>
      setDetail(ctx, caller, patientId, 'payer', payer, (id) => (id ? PAYER_LABELS[id] : 'not recorded'), 'The payer'),
  };
}

/** A detail corrected by a clinician: the patient must exist and the value must change; the change is kept with who and when. */
function setDetail<D extends PatientDetail>(
  ctx: HandlerContext, caller: Caller, patientId: string, detail: D, value: Patient[D], label: (value: Patient[D]) => string, what: string,
): Patient {
  const patient = ctx.patients.get(patientId);
  if (!patient) throw new CommandError('NOT_FOUND', `No patient ${patientId}.`);
  if (patient[detail] === value) {
    throw new CommandError('CONFLICT', `${what} is already ${label(value)}: nothing to change.`, [{ path: detail, message: `is already ${label(value)}` }]);
  }
  ctx.patients.setDetail(patientId, detail, patient[detail], value, ctx.now(), caller.actor, caller.userId);
  return { ...patient, [detail]: value };
}
