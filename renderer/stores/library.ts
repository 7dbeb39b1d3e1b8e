/** The procedure library for review and editing: overview, review, publish, import and export. */
import { create } from 'zustand';
import type { TemplateWithSources, TemplateOverview } from '#shared/contract/library';
import type { Template } from '#shared/library/schema';
import { api, formErrors } from '../api/client';

interface LibraryState {
  overview: TemplateOverview[];
  selected: TemplateWithSources | null;
  error: string | null;
  load: () => Promise<void>;
  select: (id: string, version: number) => Promise<void>;
  /** Accepts a fact of the selected version with why it is acceptable here; field errors, or null once stored. */
  acceptFact: (factId: string, comment: string) => Promise<Record<string, string> | null>;
  publish: (template: Template, basedOnVersion: number) => Promise<number>;
  exportLibrary: (templateIds?: string[]) => Promise<{ document: string; fileBaseName: string }>;
  importLibrary: (document: string) => Promise<{ inserted: number; unchanged: number }>;
  questionnaire: (id: string, version: number) => Promise<string>;
}

export const useLibrary = create<LibraryState>((set, get) => ({
  overview: [],
  selected: null,
  error: null,
  async load() {
    try {
      set({ overview: await api().call('library.overview', {}), error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
  async select(id, version) {
    set({ selected: await api().call('library.get', { templateId: id, version }) });
  },
  async acceptFact(factId, comment) {
    const selected = get().selected;
    if (!selected) return { form: 'Choose a procedure to review first.' };
    try {
      await api().call('library.acceptFact', { templateId: selected.template.id, version: selected.template.version, factId, comment });
    } catch (error) {
      return formErrors(error);
    }
    await Promise.all([get().select(selected.template.id, selected.template.version), get().load()]);
    return null;
  },
  async publish(template, basedOnVersion) {
    const published = await api().call('library.publish', { basedOnVersion, template });
    await Promise.all([get().load(), get().select(published.id, published.version)]);
    return published.version;
  },
  exportLibrary: (templateIds) => api().call('library.export', templateIds ? { templateIds } : {}),
  async importLibrary(document) {
    const result = await api().call('library.import', { document });
    await get().load();
    return { inserted: result.inserted.length, unchanged: result.unchanged.length };
  },
  async questionnaire(id, version) {
    return `${JSON.stringify(await api().call('library.questionnaire', { templateId: id, version }), null, 2)}\n`;
  },
}));
