/**
 * The open encounter's patient facts and planned start: recording, changing, removing
 * and confirming facts, entering the planned start, and correcting the patient's language and payer. Each acknowledged answer is
 * merged into the open encounter (no reload: that would be another audited view).
 */
import { create } from 'zustand';
import type { PayerId } from '#shared/contract/patient';
import type { PatientFactData } from '#shared/contract/patient-facts';
import { api, type FormResult } from '../api/client';
import { mergeDetail, useEncounter, writeToOpen } from './encounter';

interface PatientFactsState {
  record: (fact: PatientFactData, replacesId?: string) => Promise<FormResult>;
  remove: (factId: string, reason: string) => Promise<FormResult>;
  confirm: (factIds: readonly string[]) => Promise<FormResult>;
  setPlannedStart: (plannedStartAt: string) => Promise<FormResult>;
  /** The patient's preferred language; null for "not recorded". */
  setLanguage: (language: string | null) => Promise<FormResult>;
  /** Whose coverage rules apply to the patient; null for "not recorded". */
  setPayer: (payer: PayerId | null) => Promise<FormResult>;
}

export const usePatientFacts = create<PatientFactsState>(() => ({
  record: (fact, replacesId) => writeToOpen(async (encounterId) => {
    const added = await api().call('patientFacts.record', { encounterId, fact, ...(replacesId ? { replacesId } : {}) });
    mergeDetail((d) => ({
      patientFacts: {
        ...d.patientFacts,
        facts: [...d.patientFacts.facts.map((f) => (f.id === added.replacesId ? { ...f, replacedBy: added.id } : f)), added],
      },
    }));
  }),

  remove: (factId, reason) => writeToOpen(async (encounterId) => {
    const removed = await api().call('patientFacts.remove', { encounterId, factId, reason });
    mergeDetail((d) => ({ patientFacts: { ...d.patientFacts, facts: d.patientFacts.facts.map((f) => (f.id === factId ? removed : f)) } }));
  }),

  confirm: (factIds) => writeToOpen(async (encounterId) => {
    const confirmation = await api().call('patientFacts.confirm', { encounterId, factIds: [...factIds] });
    mergeDetail((d) => ({ patientFacts: { ...d.patientFacts, confirmations: [...d.patientFacts.confirmations, confirmation] } }));
  }),

  setPlannedStart: (plannedStartAt) => writeToOpen(async (encounterId) => {
    const plannedStart = await api().call('encounter.setPlannedStart', { encounterId, plannedStartAt });
    mergeDetail(() => ({ plannedStart }));
  }),

  setLanguage: (language) => writeToOpen(async () => {
    const patientId = useEncounter.getState().detail?.patient.id;
    if (!patientId) throw new Error('No encounter is open.');
    const patient = await api().call('patient.setLanguage', { patientId, language });
    mergeDetail(() => ({ patient }));
  }),

  setPayer: (payer) => writeToOpen(async () => {
    const patientId = useEncounter.getState().detail?.patient.id;
    if (!patientId) throw new Error('No encounter is open.');
    const patient = await api().call('patient.setPayer', { patientId, payer });
    mergeDetail(() => ({ patient }));
  }),
}));
