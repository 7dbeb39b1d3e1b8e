/**
 * The open encounter: its checklist, consent discussion and export. Each item
 * change is sent at once; the UI shows it saved only after the core confirms
 * the write is on disk.
 */
import { create } from 'zustand';
import type { ChecklistItemState, ItemChange, ItemStatus } from '#shared/contract/checklist';
import type { ConsentDiscussion, SaveConsentInput } from '#shared/contract/consent';
import type { EncounterDetail } from '#shared/contract/encounter';
import type { TemplateWithSources } from '#shared/contract/library';
import type { Addendum, ExportedNote, SignedNote } from '#shared/contract/note';
import { buildChecklist, progress, resolvedIdsOf, type ChecklistSection } from '#shared/domain/checklist';
import type { Settings } from '#shared/contract/auth';
import type { RecordData } from '#shared/contract/workflow';
import { reviewBacklog, type ReviewBacklog } from '#shared/library/review-backlog';
import type { RaiseBleedingRiskInput } from '#shared/contract/bleeding-risk';
import type { EncounterState as Phase } from '#shared/workflow/states';
import { api, ApiError, formErrors } from '../api/client';

/** Field errors keyed by input path, or null when the write succeeded. */
export type FormResult = Record<string, string> | null;

/**
 * Where one change stands. While saving, the control shows the intended state
 * beside "Saving…"; only an acknowledged write shows "Saved"; a failure reverts.
 */
export type SaveState =
  | { kind: 'saving'; status: ItemStatus }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; message: string };

export type ConsentDraft = Omit<SaveConsentInput, 'encounterId'>;

/**
 * The open encounter as the core returned it, less the checklist history,
 * which the store keeps per item (itemHistory below): a save then replaces one
 * item's history and nothing else, so only that item's row renders again.
 */
export type OpenEncounter = Omit<EncounterDetail, 'itemHistory'>;

/** Each item's changes, oldest first, grouped from the encounter's history. */
function historyByItem(changes: readonly ItemChange[]): Record<string, readonly ItemChange[]> {
  const byItem: Record<string, ItemChange[]> = {};
  for (const change of changes) (byItem[change.itemId] ??= []).push(change);
  return byItem;
}

export const EMPTY_CONSENT: ConsentDraft = {
  benefitsDiscussed: false,
  benefitsNote: '',
  alternativesDiscussed: false,
  alternativesNote: '',
  questions: [],
  interpreter: { used: false },
  decision: null,
};

interface EncounterState {
  encounterId: string | null;
  detail: OpenEncounter | null;
  library: TemplateWithSources | null;
  /** The clinic's review of the encounter's template version: once reviewed, the bedside shows no evidence badges. */
  contentReview: ReviewBacklog | null;
  sections: ChecklistSection[];
  items: Record<string, ChecklistItemState>;
  /** Each item's history of changes, oldest first (absent: none yet). */
  itemHistory: Record<string, readonly ItemChange[]>;
  saves: Record<string, SaveState>;
  consentSave: { kind: 'saving' } | Exclude<SaveState, { kind: 'saving' }> | null;
  exported: ExportedNote | null;
  exporting: boolean;
  error: string | null;
  open: (encounterId: string) => Promise<void>;
  setItem: (itemId: string, status: ItemStatus, reason?: string) => Promise<boolean>;
  saveConsent: (draft: ConsentDraft) => Promise<ConsentDiscussion | null>;
  exportNote: () => Promise<void>;
  /** Clinic settings the procedure-day rules need (INR threshold, time zone). */
  settings: Settings | null;
  advance: (to: Phase, override?: { reason: string; password: string }) => Promise<FormResult>;
  cancel: (reason: string) => Promise<FormResult>;
  addRecord: (record: RecordData, password?: string) => Promise<FormResult>;
  voidRecord: (recordId: string, reason: string) => Promise<FormResult>;
  /** A physician raises the encounter's bleeding-risk class, or withdraws a raise recorded in error. */
  raiseBleedingRisk: (raise: Omit<RaiseBleedingRiskInput, 'encounterId'>) => Promise<FormResult>;
  withdrawBleedingRiskRaise: (raiseId: string, reason: string) => Promise<FormResult>;
  /**
   * The note's signature and addenda, for the encounter they were read for
   * (compare with encounterId: another encounter may have been opened since).
   */
  signature: { encounterId: string; note: SignedNote | null; addenda: Addendum[] } | null;
  signatureError: string | null;
  loadSignature: () => Promise<void>;
  signNote: (attestation: string, password: string) => Promise<FormResult>;
  addAddendum: (reason: string, text: string, password: string) => Promise<FormResult>;
}

export const useEncounter = create<EncounterState>((set, get) => ({
  encounterId: null,
  detail: null,
  library: null,
  contentReview: null,
  sections: [],
  items: {},
  itemHistory: {},
  saves: {},
  consentSave: null,
  exported: null,
  exporting: false,
  error: null,
  settings: null,
  signature: null,
  signatureError: null,

  async open(encounterId) {
    set({ encounterId, detail: null, library: null, contentReview: null, sections: [], items: {}, itemHistory: {}, saves: {}, consentSave: null, exported: null, error: null });
    try {
      const detail = await api().call('encounter.get', { encounterId });
      const library = await api().call('library.get', {
        templateId: detail.encounter.templateId,
        version: detail.encounter.templateVersion,
      });
      const settings = await api().call('settings.get', {});
      if (get().encounterId !== encounterId) return;
      const { itemHistory, ...rest } = detail;
      set({
        detail: rest,
        itemHistory: historyByItem(itemHistory),
        library,
        settings,
        contentReview: reviewBacklog(library.template, library.reviews),
        sections: buildChecklist(library.template, new Map(library.reviews.map((r) => [r.factId, { name: r.acceptedBy.name, at: r.acceptedAt, comment: r.comment }]))),
        items: Object.fromEntries(detail.items.map((i) => [i.itemId, i])),
      });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },

  async setItem(itemId, status, reason) {
    const encounterId = get().encounterId;
    if (!encounterId) return false;
    set((s) => ({ saves: { ...s.saves, [itemId]: { kind: 'saving', status } } }));
    try {
      const state = await api().call('checklist.setItem', {
        encounterId,
        itemId,
        status,
        ...(status === 'not-applicable' ? { reason } : {}),
      });
      // Only this item's entries are replaced: every other row selects the same objects as before and does not render again.
      set((s) => ({
        items: { ...s.items, [itemId]: state },
        saves: { ...s.saves, [itemId]: { kind: 'saved', at: state.updatedAt } },
        // The core appended the same change to the item's history; show it without re-reading the record.
        itemHistory: {
          ...s.itemHistory,
          [itemId]: [...(s.itemHistory[itemId] ?? []), { itemId, from: s.items[itemId]?.status ?? null, to: state.status, reason: state.reason, at: state.updatedAt, by: state.updatedBy }],
        },
      }));
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      set((s) => ({ saves: { ...s.saves, [itemId]: { kind: 'failed', message } } }));
      return false;
    }
  },

  async saveConsent(draft) {
    const encounterId = get().encounterId;
    if (!encounterId) return null;
    set({ consentSave: { kind: 'saving' } });
    try {
      const consent = await api().call('consent.save', { encounterId, ...draft });
      set((s) => ({
        consentSave: { kind: 'saved', at: consent.updatedAt },
        detail: s.detail ? { ...s.detail, consent } : s.detail,
      }));
      return consent;
    } catch (error) {
      set({ consentSave: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } });
      return null;
    }
  },

  // Each change merges its acknowledged result into the open encounter, rather than
  // reloading it (a reload would be another audited view of the patient's record).
  async advance(to, override) {
    const encounterId = get().encounterId;
    if (!encounterId) return { form: 'No encounter is open.' };
    try {
      const transition = await api().call('encounter.advance', { encounterId, to, ...(override ? { override } : {}) });
      set((s) => ({ detail: s.detail && { ...s.detail, encounter: { ...s.detail.encounter, state: transition.to }, transitions: [...s.detail.transitions, transition] } }));
      return null;
    } catch (error) {
      // A refusal lists what is still open; the screen shows that list itself, so say it in one line.
      if (error instanceof ApiError && error.code === 'CONFLICT') return { form: error.message };
      return formErrors(error);
    }
  },

  async cancel(reason) {
    const encounterId = get().encounterId;
    if (!encounterId) return { form: 'No encounter is open.' };
    try {
      const transition = await api().call('encounter.cancel', { encounterId, reason });
      set((s) => ({ detail: s.detail && { ...s.detail, encounter: { ...s.detail.encounter, state: transition.to }, transitions: [...s.detail.transitions, transition] } }));
      return null;
    } catch (error) {
      return formErrors(error);
    }
  },

  async addRecord(record, password) {
    const encounterId = get().encounterId;
    if (!encounterId) return { form: 'No encounter is open.' };
    try {
      const added = await api().call('encounter.addRecord', { encounterId, record, ...(password ? { password } : {}) });
      set((s) => ({ detail: s.detail && { ...s.detail, records: [...s.detail.records, added] } }));
      return null;
    } catch (error) {
      return formErrors(error);
    }
  },

  async voidRecord(recordId, reason) {
    const encounterId = get().encounterId;
    if (!encounterId) return { form: 'No encounter is open.' };
    try {
      const voided = await api().call('encounter.voidRecord', { encounterId, recordId, reason });
      set((s) => ({ detail: s.detail && { ...s.detail, records: s.detail.records.map((r) => (r.id === recordId ? voided : r)) } }));
      return null;
    } catch (error) {
      return formErrors(error);
    }
  },

  async raiseBleedingRisk(raise) {
    const encounterId = get().encounterId;
    if (!encounterId) return { form: 'No encounter is open.' };
    try {
      const added = await api().call('encounter.raiseBleedingRisk', { encounterId, ...raise });
      set((s) => ({ detail: s.detail && { ...s.detail, bleedingRiskRaises: [...s.detail.bleedingRiskRaises, added] } }));
      return null;
    } catch (error) {
      return formErrors(error);
    }
  },

  async withdrawBleedingRiskRaise(raiseId, reason) {
    const encounterId = get().encounterId;
    if (!encounterId) return { form: 'No encounter is open.' };
    try {
      const withdrawn = await api().call('encounter.withdrawBleedingRiskRaise', { encounterId, raiseId, reason });
      set((s) => ({ detail: s.detail && { ...s.detail, bleedingRiskRaises: s.detail.bleedingRiskRaises.map((r) => (r.id === raiseId ? withdrawn : r)) } }));
      return null;
    } catch (error) {
      return formErrors(error);
    }
  },

  async loadSignature() {
    const encounterId = get().encounterId;
    if (!encounterId) return;
    set({ signatureError: null });
    try {
      const { note, addenda } = await api().call('note.get', { encounterId });
      if (get().encounterId === encounterId) set({ signature: { encounterId, note, addenda } });
    } catch (error) {
      // e.g. a note that fails its integrity check: say so, show nothing of it.
      if (get().encounterId === encounterId) set({ signature: null, signatureError: error instanceof Error ? error.message : String(error) });
    }
  },

  async signNote(attestation, password) {
    const encounterId = get().encounterId;
    if (!encounterId) return { form: 'No encounter is open.' };
    try {
      const note = await api().call('note.sign', { encounterId, attestation, password });
      // An export made before signing was a draft: drop it so it is not taken for the signed note.
      if (get().encounterId === encounterId) set({ signature: { encounterId, note, addenda: [] }, exported: null });
      return null;
    } catch (error) {
      return formErrors(error);
    }
  },

  async addAddendum(reason, text, password) {
    const current = get().signature;
    const encounterId = get().encounterId;
    if (!encounterId || current?.encounterId !== encounterId || !current.note) return { form: 'The note is not signed yet.' };
    try {
      const addendum = await api().call('note.addAddendum', { noteId: current.note.id, reason, text, password });
      set((s) => ({
        signature: s.signature?.encounterId === encounterId ? { ...s.signature, addenda: [...s.signature.addenda, addendum] } : s.signature,
        // A previous export lacks this addendum.
        exported: s.encounterId === encounterId ? null : s.exported,
      }));
      return null;
    } catch (error) {
      return formErrors(error);
    }
  },

  async exportNote() {
    const encounterId = get().encounterId;
    if (!encounterId) return;
    set({ exporting: true, error: null });
    try {
      const exported = await api().call('note.export', { encounterId });
      set({ exported, exporting: false });
    } catch (error) {
      set({ exporting: false, error: error instanceof Error ? error.message : String(error) });
    }
  },
}));

/**
 * How many of these items are resolved, by the shared rule (shared/domain/checklist.ts).
 * A number, so a component using it renders again only when its own count
 * changes, not on every save elsewhere in the checklist.
 */
export function useResolvedCount(items: readonly { id: string }[]): number {
  return useEncounter((s) => progress(items, resolvedIdsOf(Object.values(s.items))).done);
}
