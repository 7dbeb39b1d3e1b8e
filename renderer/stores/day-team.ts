/**
 * The team of the day for this workstation's room: picked once per room and clinic date
 * (dayTeam.get / dayTeam.set), it fills the time-out's list of people. Which room this
 * workstation stands in is a per-workstation setting, like the display (stores/appearance.ts),
 * so it lives in localStorage and defaults to "Procedure room 1".
 */
import { create } from 'zustand';
import type { DayTeamMemberInput, DayTeamView } from '#shared/contract/day-team';
import { api, formErrors, type FormResult } from '../api/client';

const ROOM_KEY = 'proceduredesk.room';
export const DEFAULT_ROOM = 'Procedure room 1';

function readRoom(): string {
  try {
    return localStorage.getItem(ROOM_KEY)?.trim() || DEFAULT_ROOM;
  } catch {
    // Storage unavailable: the default room is always a valid answer.
    return DEFAULT_ROOM;
  }
}

interface DayTeamState {
  room: string;
  /** The team (and the pickable accounts) of `room` on the date last loaded; null until loaded. */
  view: DayTeamView | null;
  error: string | null;
  setRoom: (room: string) => void;
  load: (date: string) => Promise<void>;
  save: (date: string, members: DayTeamMemberInput[]) => Promise<FormResult>;
}

let loadSeq = 0;

export const useDayTeam = create<DayTeamState>((set, get) => ({
  room: readRoom(),
  view: null,
  error: null,
  setRoom(room) {
    const next = room.trim() || DEFAULT_ROOM;
    try {
      localStorage.setItem(ROOM_KEY, next);
    } catch {
      // Not persisted (storage blocked); it still applies for this window.
    }
    set({ room: next, view: null });
  },
  async load(date) {
    const seq = ++loadSeq;
    try {
      const view = await api().call('dayTeam.get', { room: get().room, date });
      if (seq === loadSeq) set({ view, error: null });
    } catch (error) {
      if (seq === loadSeq) set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
  async save(date, members) {
    try {
      const view = await api().call('dayTeam.set', { room: get().room, date, members });
      loadSeq++;
      set({ view, error: null });
      return null;
    } catch (error) {
      return formErrors(error);
    }
  },
}));
