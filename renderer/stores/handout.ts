/** The patient handout: made as a PDF in the core for the open encounter, in the language chosen. */
import { create } from 'zustand';
import type { HandoutPdf } from '#shared/contract/handout';
import { api } from '../api/client';

interface HandoutState {
  making: boolean;
  error: string | null;
  /** The last handout made, for the encounter it names. */
  made: { encounterId: string; handout: HandoutPdf } | null;
  makeHandout: (encounterId: string, lang: string) => Promise<HandoutPdf | null>;
}

export const useHandout = create<HandoutState>((set) => ({
  making: false,
  error: null,
  made: null,
  async makeHandout(encounterId, lang) {
    set({ making: true, error: null });
    try {
      const handout = await api().call('handout.pdf', { encounterId, lang });
      set({ making: false, made: { encounterId, handout } });
      return handout;
    } catch (error) {
      set({ making: false, error: error instanceof Error ? error.message : String(error) });
      return null;
    }
  },
}));
