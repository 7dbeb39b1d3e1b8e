/**
 * Opening an encounter: every concern's store is emptied at once, so nothing
 * of the previous encounter shows while this one loads, then each is given its
 * part of what the core returned.
 */
import { buildChecklist } from '#shared/domain/checklist';
import { reviewBacklog } from '#shared/library/review-backlog';
import { api } from '../api/client';
import { EMPTY_CHECKLIST, historyByItem, useChecklist } from './checklist';
import { useConsent } from './consent';
import { useEncounter } from './encounter';
import { EMPTY_EXPORT, useSigning } from './signing';

export async function openEncounter(encounterId: string): Promise<void> {
  useEncounter.setState({ encounterId, detail: null, library: null, contentReview: null, error: null });
  useChecklist.setState(EMPTY_CHECKLIST);
  useConsent.setState({ consentSave: null });
  useSigning.setState(EMPTY_EXPORT);
  try {
    const detail = await api().call('encounter.get', { encounterId });
    const library = await api().call('library.get', {
      templateId: detail.encounter.templateId,
      version: detail.encounter.templateVersion,
    });
    const settings = await api().call('settings.get', {});
    if (useEncounter.getState().encounterId !== encounterId) return;
    const { itemHistory, ...rest } = detail;
    useEncounter.setState({ detail: rest, library, settings, contentReview: reviewBacklog(library.template, library.reviews) });
    useChecklist.setState({
      itemHistory: historyByItem(itemHistory),
      sections: buildChecklist(library.template, new Map(library.reviews.map((r) => [r.factId, { name: r.acceptedBy.name, at: r.acceptedAt, comment: r.comment }]))),
      items: Object.fromEntries(detail.items.map((i) => [i.itemId, i])),
    });
  } catch (error) {
    useEncounter.setState({ error: error instanceof Error ? error.message : String(error) });
  }
}
