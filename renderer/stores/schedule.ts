/**
 * The day's appointments from the EHR (issue 19, point 6): listed from the local database (so the list
 * works offline all day once pulled), pulled from the FHIR server on demand, and the appointment staff
 * chose to start, which the New encounter form then opens with the appointment's patient and visit.
 */
import { create } from 'zustand';
import type { Appointment } from '#shared/contract/schedule';
import type { MethodInput } from '#shared/contract/methods';
import { api } from '../api/client';

interface ScheduleState {
  appointments: Appointment[];
  /** Which schedule sources the site set up (Users & settings › Connections): none, and the panel stays away. */
  sources: { fhir: boolean; any: boolean };
  error: string | null;
  /** What the last pull said: how many came in, which were refused and why. */
  pulled: string | null;
  /** The appointment being started in the New encounter form; null for a walk-in. */
  chosen: Appointment | null;
  load: (date: string) => Promise<void>;
  pull: (date: string) => Promise<void>;
  choose: (appointment: Appointment | null) => void;
  start: (input: MethodInput<'schedule.start'>) => Promise<string>;
}

let loadSeq = 0;

export const useSchedule = create<ScheduleState>((set, get) => ({
  appointments: [],
  sources: { fhir: false, any: false },
  error: null,
  pulled: null,
  chosen: null,
  async load(date) {
    const seq = ++loadSeq;
    try {
      const [appointments, settings] = await Promise.all([api().call('schedule.list', { date }), api().call('settings.get', {})]);
      const { fhir, hl7Inbox, mllp } = settings.schedule;
      if (seq === loadSeq) set({ appointments, sources: { fhir: fhir !== null, any: Boolean(fhir ?? hl7Inbox ?? mllp) }, error: null });
    } catch (error) {
      if (seq === loadSeq) set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
  async pull(date) {
    let outcome: Pick<ScheduleState, 'pulled' | 'error'>;
    try {
      const { imported, refused } = await api().call('schedule.pull', { date });
      const words = refused.map((r) => `${r.messageId}: ${r.reason}`).join('; ');
      outcome = { pulled: `${imported} ${imported === 1 ? 'appointment' : 'appointments'} from the EHR${refused.length ? `; ${refused.length} refused (${words})` : ''}.`, error: null };
    } catch (error) {
      outcome = { pulled: null, error: error instanceof Error ? error.message : String(error) };
    }
    // The list is read again either way (it keeps what it had when the pull failed); its success must not erase why the pull failed.
    await get().load(date);
    set({ pulled: outcome.pulled, error: outcome.error ?? get().error });
  },
  choose: (chosen) => set({ chosen }),
  async start(input) {
    const encounter = await api().call('schedule.start', input);
    set({ chosen: null });
    return encounter.id;
  },
}));
