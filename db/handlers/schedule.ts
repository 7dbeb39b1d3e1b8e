/** The day's appointments from the EHR: the list, starting an encounter from one, and pulling the day from the FHIR server. */
import type { Handlers } from '#shared/contract/dispatcher';
import { CommandError } from '#shared/contract/errors';
import type { Encounter } from '#shared/contract/encounter';
import type { ScheduleService } from '../schedule/service';
import { FhirPullError } from '../schedule/fhir-pull';
import { encounterHandlers } from './encounter';
import type { HandlerContext } from './support/context';

export function scheduleHandlers(ctx: HandlerContext, schedule: Pick<ScheduleService, 'appointments' | 'pull'>): Pick<Handlers, 'schedule.list' | 'schedule.start' | 'schedule.pull'> {
  const createEncounter = encounterHandlers(ctx)['encounter.create'];
  return {
    'schedule.list': ({ date }) => schedule.appointments.list(date),
    'schedule.start': ({ appointmentId, ...plan }, call) => {
      const appointment = schedule.appointments.get(appointmentId);
      if (!appointment) throw new CommandError('NOT_FOUND', `No appointment with id ${appointmentId}.`);
      if (appointment.encounterId) throw new CommandError('CONFLICT', 'This appointment is already an encounter; open it from the worklist.');
      if (appointment.status === 'cancelled') throw new CommandError('CONFLICT', 'The EHR cancelled this appointment; register the patient by hand if they came anyway.');
      // The encounter is made as encounter.create makes one, with the appointment's patient, date, visit number and location.
      // encounter.create is synchronous (handlers/encounter.ts), so this stays inside schedule.start's one transaction.
      const encounter = createEncounter({
        ...plan,
        patientId: appointment.patient.id,
        plannedDate: appointment.date,
        visitNumber: appointment.visitNumber,
        location: appointment.location,
      }, call) as Encounter;
      schedule.appointments.setEncounter(appointmentId, encounter.id);
      return encounter;
    },
    'schedule.pull': async ({ date }) => {
      const pulling = schedule.pull(date);
      if (!pulling) throw new CommandError('INVALID_INPUT', 'No FHIR server is set for the schedule; an administrator sets it in Settings.');
      try {
        return await pulling;
      } catch (error) {
        if (error instanceof FhirPullError) throw new CommandError('CONFLICT', `The schedule could not be pulled: ${error.message}. Nothing was imported; the worklist keeps what it had.`);
        throw error;
      }
    },
  };
}
