/**
 * Short, stable numbers for one exported document, derived from its UUID so every channel names
 * the same document the same way: TXA-12/TXA-13 (EI, at most 30 characters in HL7 v2.5.1 ch. 9
 * §9.6.1) and MSH-10 (ST, at most 20, ch. 2 §2.15.9). A UUID with dashes (36) or as hex (32) is
 * too long; in base 36 its 128 bits take 25 characters. The FHIR identifier keeps the UUID itself
 * (urn:uuid:…); docs/interop-replacement.md says how one is read as the other.
 */
import { requireUuid } from './encoding';

const DOCUMENT_NUMBER_LENGTH = 25;
const CONTROL_ID_LENGTH = 20;

/** The document's number for TXA-12 (and TXA-13 of what replaces it): its UUID in base 36, upper case, 25 characters. */
export function documentNumberOf(documentId: string): string {
  const hex = requireUuid(documentId, 'the document id').replaceAll('-', '');
  return BigInt(`0x${hex}`).toString(36).toUpperCase().padStart(DOCUMENT_NUMBER_LENGTH, '0');
}

/**
 * MSH-10 for the document's message: the last 20 characters of its number (the low 103 bits). The low
 * end, not the first 20: ids that share their high bits (sequential ids, or a time-ordered UUID v7 made
 * in the same millisecond) still get different control ids. Stable per document, so a resend over MLLP
 * of the same message carries the same id and the receiver can drop the repeat.
 */
export function messageControlIdOf(documentId: string): string {
  return documentNumberOf(documentId).slice(-CONTROL_ID_LENGTH);
}
