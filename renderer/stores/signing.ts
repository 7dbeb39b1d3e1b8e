/**
 * The open encounter's note: its signature and addenda, and its export as PDF
 * and text. Signing or adding an addendum drops an earlier export, which no
 * longer matches the note.
 */
import { create } from 'zustand';
import type { Addendum, ExportedNote, SignedNote } from '#shared/contract/note';
import { api, formErrors, type FormResult } from '../api/client';
import { useEncounter } from './encounter';

interface SigningState {
  /**
   * The note's signature and addenda, for the encounter they were read for
   * (compare with the open encounter's id: another may have been opened since).
   */
  signature: { encounterId: string; note: SignedNote | null; addenda: Addendum[] } | null;
  signatureError: string | null;
  exported: ExportedNote | null;
  exporting: boolean;
  exportError: string | null;
  loadSignature: () => Promise<void>;
  signNote: (attestation: string, password: string) => Promise<FormResult>;
  addAddendum: (reason: string, text: string, password: string) => Promise<FormResult>;
  exportNote: () => Promise<void>;
}

/** What opening another encounter empties (the signature is kept: it names its encounter). */
export const EMPTY_EXPORT = { exported: null, exportError: null } satisfies Partial<SigningState>;

const openId = () => useEncounter.getState().encounterId;

/** True when the open encounter's note is signed (a read that failed counts when `unreadable` is set). */
export function isSigned(s: Pick<SigningState, 'signature' | 'signatureError'>, encounterId: string | null, unreadable = false): boolean {
  if (unreadable && s.signatureError !== null) return true;
  return s.signature !== null && s.signature.encounterId === encounterId && s.signature.note !== null;
}

export const useSigning = create<SigningState>((set, get) => ({
  signature: null,
  signatureError: null,
  exported: null,
  exporting: false,
  exportError: null,

  async loadSignature() {
    const encounterId = openId();
    if (!encounterId) return;
    set({ signatureError: null });
    try {
      const { note, addenda } = await api().call('note.get', { encounterId });
      if (openId() === encounterId) set({ signature: { encounterId, note, addenda } });
    } catch (error) {
      // e.g. a note that fails its integrity check: say so, show nothing of it.
      if (openId() === encounterId) set({ signature: null, signatureError: error instanceof Error ? error.message : String(error) });
    }
  },

  async signNote(attestation, password) {
    const encounterId = openId();
    if (!encounterId) return { form: 'No encounter is open.' };
    try {
      const note = await api().call('note.sign', { encounterId, attestation, password });
      // An export made before signing was a draft: drop it so it is not taken for the signed note.
      if (openId() === encounterId) set({ signature: { encounterId, note, addenda: [] }, exported: null });
      return null;
    } catch (error) {
      return formErrors(error);
    }
  },

  async addAddendum(reason, text, password) {
    const current = get().signature;
    const encounterId = openId();
    if (!encounterId || current?.encounterId !== encounterId || !current.note) return { form: 'The note is not signed yet.' };
    try {
      const addendum = await api().call('note.addAddendum', { noteId: current.note.id, reason, text, password });
      set((s) => ({
        signature: s.signature?.encounterId === encounterId ? { ...s.signature, addenda: [...s.signature.addenda, addendum] } : s.signature,
        // A previous export lacks this addendum.
        exported: openId() === encounterId ? null : s.exported,
      }));
      return null;
    } catch (error) {
      return formErrors(error);
    }
  },

  async exportNote() {
    const encounterId = openId();
    if (!encounterId) return;
    set({ exporting: true, exportError: null });
    try {
      const exported = await api().call('note.export', { encounterId });
      set({ exported, exporting: false });
    } catch (error) {
      set({ exporting: false, exportError: error instanceof Error ? error.message : String(error) });
    }
  },
}));
