/**
 * The schedule import as one service the core builds and the runtime drives (issue 19, point 6): the
 * importer and its settings, the FHIR pull, the inbox poll and the MLLP listener, each reading the
 * current settings when it runs, so an administrator's change applies without a restart.
 */
import type { Settings } from '#shared/contract/settings';
import type { AuditLog } from '../audit';
import type { Db } from '../connection';
import { createAppointmentRepository } from '../repositories/appointments';
import type { PatientRepository } from '../repositories/patients';
import { pullSchedule, type PullResult } from './fhir-pull';
import { buildAck, receiveHl7, type ReceiveSettings } from './hl7-receive';
import { createScheduleImporter } from './import';
import { pollInbox, type InboxResult } from './inbox';
import { startMllpListener, type MllpListener } from './mllp-listener';

export interface ScheduleServiceDeps {
  db: Db;
  patients: PatientRepository;
  settings: () => Settings;
  audit: AuditLog;
  now: () => string;
  newId: () => string;
  log: (message: string) => void;
}

export function createScheduleService(deps: ScheduleServiceDeps) {
  const appointments = createAppointmentRepository(deps.db);
  const importer = createScheduleImporter({ ...deps, appointments });
  const receiveSettings = (): ReceiveSettings => {
    const s = deps.settings();
    return {
      identity: { mrnSystem: s.interop.mrnSystem, mrnAssigningAuthority: s.interop.mrnAssigningAuthority, timeZone: s.timeZone },
      interop: s.interop,
      maxMessageBytes: s.schedule.maxMessageBytes,
    };
  };
  const refusedAck = (reason: string) => buildAck('', { code: 'AR', controlId: '', reason }, receiveSettings(), new Date());

  return {
    appointments,
    importer,
    /** One HL7 message's bytes: imported or refused, and its ACK. */
    receive: (bytes: Buffer, channel: 'mllp' | 'folder', label = '') => receiveHl7(bytes, channel, importer, receiveSettings(), label),
    /** Fetches the day from the FHIR server; throws FhirPullError when it cannot be asked, or when none is set. */
    pull(date: string): Promise<PullResult> | null {
      const s = deps.settings();
      if (!s.schedule.fhir) return null;
      return pullSchedule(date, {
        ...s.schedule.fhir, maxMessageBytes: s.schedule.maxMessageBytes,
        identity: { mrnSystem: s.interop.mrnSystem, visitNumberSystem: s.interop.visitNumberSystem, timeZone: s.timeZone },
      }, importer);
    },
    /** Imports what is in the inbox folder now; [] when none is set. */
    pollInbox(): InboxResult[] {
      const s = deps.settings().schedule;
      if (!s.hl7Inbox) return [];
      return pollInbox({
        folder: s.hl7Inbox,
        maxMessageBytes: s.maxMessageBytes,
        receive: (bytes, file) => receiveHl7(bytes, 'folder', importer, receiveSettings(), file),
        refuse: (file, reason) => importer.refuse('folder', file, reason),
      });
    },
    /** Starts the listener on the configured address (or the one given, for tests); null when none is set. */
    async listen(override?: { host: string; port: number }): Promise<MllpListener | null> {
      const target = override ?? deps.settings().schedule.mllp;
      if (!target) return null;
      return startMllpListener({
        ...target,
        maxMessageBytes: deps.settings().schedule.maxMessageBytes,
        receive: (bytes) => receiveHl7(bytes, 'mllp', importer, receiveSettings()),
        refuse: (reason) => {
          importer.refuse('mllp', '', reason);
          return refusedAck(reason);
        },
        log: deps.log,
      });
    },
  };
}
export type ScheduleService = ReturnType<typeof createScheduleService>;
