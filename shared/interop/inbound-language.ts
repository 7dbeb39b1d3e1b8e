/**
 * The preferred language as an inbound message carries it (HL7 PID-15, FHIR Patient.communication):
 * what was sent, for the log, and the list's tag for it where there is one (shared/domain/languages.ts).
 */
import type { InboundLanguage } from '../contract/schedule-inbound';
import { languageFromEhr } from '../domain/languages';

/** Null when neither a code nor a text was sent: the clinic's record then stays as it is. */
export function inboundLanguage(code: string, text: string): InboundLanguage | null {
  const c = code.trim();
  const t = text.trim();
  if (!c && !t) return null;
  return { sent: (c && t ? `${c} (${t})` : c || t).slice(0, 60), tag: languageFromEhr(c, t) };
}
