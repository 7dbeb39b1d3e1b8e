/**
 * Names and rules for one document in the outbox. File names start with the export's UTC time
 * (YYYYMMDDTHHMMSSmmmZ) and the export's sequence number, so an engine that picks files up in name
 * order takes a replacement after its parent (the number orders exports within one millisecond);
 * they end with the document number (TXA-12), so a file is found from the message.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OutboxExport } from '#shared/contract/note';

/** 2026-11-24T15:12:30.123Z → 20261124T151230123Z: sorts as the time does. */
export const sendOrderStamp = (at: string): string => new Date(at).toISOString().replace(/[-:.]/g, '');

/** The base name shared by a document's files (.pdf, .txt, .fhir.json, .hl7). */
export function outboxBaseName(at: string, sequence: number, mrn: string, plannedDate: string, documentNumber: string): string {
  return `${sendOrderStamp(at)}_${String(sequence).padStart(8, '0')}_consent-note_${mrn.replace(/[^A-Za-z0-9-]/g, '')}_${plannedDate}_${documentNumber}`;
}

/**
 * Whether the latest export already carries this signed note with every addendum: then a new export
 * would only repeat it. The same rule the batch export applies in SQL (outbox-exports.ts, `sent`).
 */
export function sentUnchanged(previous: OutboxExport, noteId: string, addendaCount: number): boolean {
  return previous.noteId === noteId && previous.addendaCount === addendaCount;
}

/** Where the engine fetches the outbox PDF (OBX-5 RP): the site's base URI, else the folder as a file:// URI. */
export function pdfReferenceBase(folder: string, baseUri: string | null): string {
  const base = baseUri ?? pathToFileURL(path.resolve(folder)).href;
  return base.endsWith('/') ? base : `${base}/`;
}

/** The POSIX mode for the outbox files from the site's setting ('0600' → 0o600). */
export const outboxFileMode = (mode: string): number => parseInt(mode, 8);
