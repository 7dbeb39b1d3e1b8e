/**
 * The open encounter's patient facts and planned start: recording, changing, removing
 * and confirming facts, and entering the planned start. Each acknowledged answer is
 * merged into the open encounter (no reload: that would be another audited view).
 */
import { create } from 'zustand';
import type { PatientFactData } from '#shared/contract/patient-facts';
import { api, type FormResult } from '../api/client';
import { mergeDetail, writeToOpen } from './encounter';

interface PatientFactsState {
  record: (fact: PatientFactData, replacesId?: string) => Promise<FormResult>;
  remove: (factId: string, reason: string) => Promise<FormResult>;
  confirm: (factIds: readonly string[]) => Promise<FormResult>;
  setPlannedStart: (plannedStartAt: string) => Promise<FormResult>;
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
}));
