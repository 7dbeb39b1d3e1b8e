/**
 * Queues an exported document on every channel the site has set up, inside the
 * export's own transaction: the export and its deliveries are recorded together
 * or not at all. Idempotent by document id: the same document on the same channel
 * is queued once, and a second time says so instead.
 */
import type { DeliveryChannelName } from '#shared/contract/delivery';
import type { Settings } from '#shared/contract/settings';
import type { DeliveryQueueRepository } from '../repositories/delivery-queue';

export interface DocumentToDeliver {
  documentId: string;
  encounterId: string;
  patientId: string;
  /** The HL7 v2 message (no trailing CR) and its MSH-10. */
  hl7: string;
  messageControlId: string;
  /** The FHIR R4 transaction Bundle (JSON), for the FHIR channel. */
  fhirBundle: string;
  at: string;
  byName: string;
  /**
   * The earlier document this one repeats unchanged (same signed note, same addenda), if any: the
   * receiver already has, or will get, that one, so nothing new is queued where it was.
   */
  unchangedFrom: string | null;
}

export interface EnqueueResult {
  channel: DeliveryChannelName;
  enqueued: boolean;
  /** Why nothing was added, when nothing was. */
  note: string | null;
}

/** A drop-folder name that sorts in send order: the export time, then the document id. */
export const dropFileName = (at: string, documentId: string, extension = 'hl7'): string => `${at.replace(/[-:]/g, '').replace('.', '-')}_${documentId}.${extension}`;

export function enqueueDocument(queue: DeliveryQueueRepository, settings: Settings, doc: DocumentToDeliver, newId: () => string): EnqueueResult[] {
  const channels: DeliveryChannelName[] = [];
  if (settings.delivery.folder) channels.push('folder');
  if (settings.delivery.mllp) channels.push('mllp');
  if (settings.delivery.fhir) channels.push('fhir');
  return channels.map((channel) => {
    if (doc.unchangedFrom && queue.has(doc.unchangedFrom, channel)) {
      return { channel, enqueued: false, note: `the note is unchanged since document ${doc.unchangedFrom}, already queued on ${channel}; nothing was added` };
    }
    // The FHIR channel sends the Bundle; its "control id" is the DocumentReference's identifier, by which the server is asked first.
    const fhir = channel === 'fhir';
    const enqueued = queue.enqueue({
      id: newId(), documentId: doc.documentId, channel, encounterId: doc.encounterId, patientId: doc.patientId,
      payload: fhir ? doc.fhirBundle : doc.hl7, messageControlId: fhir ? `urn:uuid:${doc.documentId}` : doc.messageControlId,
      fileName: dropFileName(doc.at, doc.documentId, fhir ? 'fhir.json' : 'hl7'), at: doc.at, byName: doc.byName,
    });
    return { channel, enqueued, note: enqueued ? null : `document ${doc.documentId} is already queued on ${channel}; nothing was added` };
  });
}
