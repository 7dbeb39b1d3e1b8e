/**
 * The intake namespace: the patient's intake, recorded and replaced as versions. What the
 * schema cannot check alone is checked here against the patient and the clock: no date
 * before the patient's birth date, none in the future. Refusals name the field and write nothing.
 */
import { CommandError } from '#shared/contract/errors';
import type { Handlers } from '#shared/contract/dispatcher';
import { intakeDates, type Intake } from '#shared/contract/intake';
import { clinicDate } from '#shared/domain/clinic-time';
import type { HandlerContext } from './support/context';

type IntakeMethods = 'intake.record' | 'intake.history';

const invalid = (problems: { path: string; message: string }[]) =>
  new CommandError('INVALID_INPUT', `intake.record: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, problems);

/** Dates before the patient was born or after today (the clinic's date by the core's clock) are mistakes. */
function dateProblems(intake: Intake, birthDate: string, today: string): { path: string; message: string }[] {
  return intakeDates(intake).flatMap(({ path, date }) => {
    if (date < birthDate) return [{ path, message: `${date} is before the patient's birth date (${birthDate})` }];
    if (date > today) return [{ path, message: `${date} is in the future` }];
    return [];
  });
}

export function intakeHandlers(ctx: HandlerContext): Pick<Handlers, IntakeMethods> {
  const requirePatient = (patientId: string) => {
    const patient = ctx.patients.get(patientId);
    if (!patient) throw new CommandError('NOT_FOUND', `No patient ${patientId}.`);
    return patient;
  };
  return {
    'intake.record': ({ patientId, intake, replacesId }, { caller }) => {
      const patient = requirePatient(patientId);
      const problems = dateProblems(intake, patient.birthDate, clinicDate(ctx.now(), ctx.settings.get().timeZone));
      if (problems.length > 0) throw invalid(problems);
      const latest = ctx.intakes.latest(patientId);
      if ((latest?.id ?? null) !== replacesId) {
        throw new CommandError('CONFLICT', latest
          ? "The patient's intake was changed since this form was opened; read the latest version again before saving."
          : 'There is no intake to replace for this patient; record the first one.');
      }
      const id = ctx.newId();
      ctx.intakes.add(id, patientId, intake, replacesId, ctx.now(), caller.actor);
      return ctx.intakes.get(id)!;
    },
    'intake.history': ({ patientId }) => {
      requirePatient(patientId);
      return { patientId, versions: ctx.intakes.history(patientId) };
    },
  };
}
