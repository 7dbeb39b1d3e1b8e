/**
 * The open encounter's procedure day: moving it on or cancelling it, its
 * records and its bleeding-risk raises. Each change merges its acknowledged
 * result into the open encounter rather than reloading it (a reload would be
 * another audited view of the patient's record).
 */
import { create } from 'zustand';
import type { RaiseBleedingRiskInput } from '#shared/contract/encounter-bleeding-risk';
import type { BlockerOverride, RecordData } from '#shared/contract/encounter-records';
import type { EncounterState as Phase } from '#shared/workflow/states';
import { api, ApiError, formErrors, type FormResult } from '../api/client';
import { mergeDetail, writeToOpen, type OpenEncounter } from './encounter';

interface WorkflowState {
  /** With overrides: one per open blocker, each with its reason, and the password once. */
  advance: (to: Phase, override?: { overrides: BlockerOverride[]; password: string }) => Promise<FormResult>;
  cancel: (reason: string) => Promise<FormResult>;
  addRecord: (record: RecordData, password?: string) => Promise<FormResult>;
  voidRecord: (recordId: string, reason: string) => Promise<FormResult>;
  /** A physician raises the encounter's bleeding-risk class, or voids a raise recorded in error. */
  raiseBleedingRisk: (raise: Omit<RaiseBleedingRiskInput, 'encounterId'>) => Promise<FormResult>;
  voidBleedingRiskRaise: (raiseId: string, reason: string) => Promise<FormResult>;
}

/** The encounter after a transition: its new state and the transition in its history. */
function moved(transition: OpenEncounter['transitions'][number]) {
  mergeDetail((d) => ({ encounter: { ...d.encounter, state: transition.to }, transitions: [...d.transitions, transition] }));
}

/** A refusal to move on lists what is still open; the screen shows that list itself, so say it in one line. */
function advanceErrors(error: unknown): FormResult {
  if (error instanceof ApiError && error.code === 'CONFLICT') return { form: error.message };
  return formErrors(error);
}

export const useWorkflow = create<WorkflowState>(() => ({
  advance: (to, override) => writeToOpen(async (encounterId) => {
    moved(await api().call('encounter.advance', { encounterId, to, ...(override ? { overrides: override.overrides, password: override.password } : {}) }));
  }, advanceErrors),

  cancel: (reason) => writeToOpen(async (encounterId) => {
    moved(await api().call('encounter.cancel', { encounterId, reason }));
  }),

  addRecord: (record, password) => writeToOpen(async (encounterId) => {
    const added = await api().call('encounter.addRecord', { encounterId, record, ...(password ? { password } : {}) });
    mergeDetail((d) => ({ records: [...d.records, added] }));
  }),

  voidRecord: (recordId, reason) => writeToOpen(async (encounterId) => {
    const voided = await api().call('encounter.voidRecord', { encounterId, recordId, reason });
    mergeDetail((d) => ({ records: d.records.map((r) => (r.id === recordId ? voided : r)) }));
  }),

  raiseBleedingRisk: (raise) => writeToOpen(async (encounterId) => {
    const added = await api().call('encounter.raiseBleedingRisk', { encounterId, ...raise });
    mergeDetail((d) => ({ bleedingRiskRaises: [...d.bleedingRiskRaises, added] }));
  }),

  voidBleedingRiskRaise: (raiseId, reason) => writeToOpen(async (encounterId) => {
    const voided = await api().call('encounter.voidBleedingRiskRaise', { encounterId, raiseId, reason });
    mergeDetail((d) => ({ bleedingRiskRaises: d.bleedingRiskRaises.map((r) => (r.id === raiseId ? voided : r)) }));
  }),
}));
