/**
 * The open encounter's consent discussion: its saves and where the last one
 * stands. A stored discussion is merged into the open encounter.
 */
import { create } from 'zustand';
import type { ConsentDiscussion, SaveConsentInput } from '#shared/contract/consent';
import { api } from '../api/client';
import { mergeDetail, useEncounter } from './encounter';

export type ConsentDraft = Omit<SaveConsentInput, 'encounterId'>;

export const EMPTY_CONSENT: ConsentDraft = {
  benefitsDiscussed: false,
  benefitsNote: '',
  alternativesDiscussed: false,
  alternativesNote: '',
  questions: [],
  interpreter: { used: false },
  decision: null,
};

export type ConsentSave = { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; message: string };

interface ConsentState {
  consentSave: ConsentSave | null;
  /** While the consent discussion shows the patient's words in their language (teach-back): its tag; null shows English. */
  teachBackLanguage: string | null;
  setTeachBackLanguage: (tag: string | null) => void;
  saveConsent: (draft: ConsentDraft) => Promise<ConsentDiscussion | null>;
}

export const useConsent = create<ConsentState>((set) => ({
  consentSave: null,
  teachBackLanguage: null,
  setTeachBackLanguage: (tag) => set({ teachBackLanguage: tag }),

  async saveConsent(draft) {
    const encounterId = useEncounter.getState().encounterId;
    if (!encounterId) return null;
    set({ consentSave: { kind: 'saving' } });
    try {
      const consent = await api().call('consent.save', { encounterId, ...draft });
      set({ consentSave: { kind: 'saved', at: consent.updatedAt } });
      mergeDetail(() => ({ consent }));
      return consent;
    } catch (error) {
      set({ consentSave: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } });
      return null;
    }
  },
}));
