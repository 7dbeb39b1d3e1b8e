import type { InteropSettings } from '#shared/contract/settings';
import { OUTBOX_FILE_MODES } from '#shared/contract/settings-site-mapping';

/** The site-mapping part of the chart export settings as the form edits it (the base URI as text, empty = unset). */
export type MappingDraft = Pick<InteropSettings, 'documentType' | 'documentCategory' | 'processingId' | 'hl7Pdf' | 'outboxFileMode'> & { pdfReferenceBaseUri: string };

export const toMappingDraft = (i: InteropSettings): MappingDraft => ({
  documentType: i.documentType, documentCategory: i.documentCategory, processingId: i.processingId, hl7Pdf: i.hl7Pdf,
  outboxFileMode: i.outboxFileMode, pdfReferenceBaseUri: i.pdfReferenceBaseUri ?? '',
});

export const fromMappingDraft = (d: MappingDraft): Pick<InteropSettings, keyof MappingDraft> => ({
  ...d, pdfReferenceBaseUri: d.pdfReferenceBaseUri.trim() ? d.pdfReferenceBaseUri.trim() : null,
});

const PROCESSING = { P: 'P production', T: 'T training', D: 'D debugging' } as const;
const MODES: Record<(typeof OUTBOX_FILE_MODES)[number], string> = {
  '0600': '0600 owner only (default)',
  '0640': '0640 the group too (an engine running as another user in the group)',
  '0644': '0644 every user on this machine',
};

function Text({ label, value, error, onChange }: { label: string; value: string; error?: string; onChange: (v: string) => void }) {
  return (
    <label>
      {label}
      <input value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={!!error} />
      {error && <span className="error">{error}</span>}
    </label>
  );
}

/** What the receivers route on (TXA-2, FHIR type and category), MSH-11, how a large PDF travels, and the outbox file mode. */
export function SiteMappingFields({ draft, onChange, error }: { draft: MappingDraft; onChange: (d: MappingDraft) => void; error: (key: string) => string | undefined }) {
  const set = <K extends keyof MappingDraft>(key: K, value: MappingDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <fieldset>
      <legend>Site mapping: how the receivers file the note</legend>
      <Text label="HL7 document type code (TXA-2)" value={draft.documentType.code} error={error('documentType.code') ?? error('documentType')} onChange={(v) => set('documentType', { ...draft.documentType, code: v })} />
      <Text label="HL7 document type text (TXA-2)" value={draft.documentType.text} error={error('documentType.text')} onChange={(v) => set('documentType', { ...draft.documentType, text: v })} />
      <Text label="HL7 document type coding system (TXA-2)" value={draft.documentType.codingSystem} error={error('documentType.codingSystem')} onChange={(v) => set('documentType', { ...draft.documentType, codingSystem: v })} />
      <Text label="FHIR category system" value={draft.documentCategory.system} error={error('documentCategory.system')} onChange={(v) => set('documentCategory', { ...draft.documentCategory, system: v })} />
      <Text label="FHIR category code" value={draft.documentCategory.code} error={error('documentCategory.code')} onChange={(v) => set('documentCategory', { ...draft.documentCategory, code: v })} />
      <Text label="FHIR category display" value={draft.documentCategory.display} error={error('documentCategory.display')} onChange={(v) => set('documentCategory', { ...draft.documentCategory, display: v })} />
      <label>
        HL7 processing id (MSH-11)
        <select value={draft.processingId} onChange={(e) => set('processingId', e.target.value as MappingDraft['processingId'])}>
          {(Object.keys(PROCESSING) as (keyof typeof PROCESSING)[]).map((p) => <option key={p} value={p}>{PROCESSING[p]}</option>)}
        </select>
      </label>
      <label>
        The PDF in HL7 (OBX-5)
        <select value={draft.hl7Pdf} onChange={(e) => set('hl7Pdf', e.target.value as MappingDraft['hl7Pdf'])}>
          <option value="embedded">Embedded (ED); a PDF over the 99,999 characters HL7 v2.5.1 allows goes in several OBX</option>
          <option value="referenced">Referenced (RP): the engine fetches the outbox PDF</option>
        </select>
      </label>
      <Text label="Where the engine reaches the outbox (file:// or https://; empty = the outbox folder)" value={draft.pdfReferenceBaseUri} error={error('pdfReferenceBaseUri')} onChange={(v) => set('pdfReferenceBaseUri', v)} />
      <label>
        Outbox file permissions
        <select value={draft.outboxFileMode} onChange={(e) => set('outboxFileMode', e.target.value as MappingDraft['outboxFileMode'])}>
          {OUTBOX_FILE_MODES.map((m) => <option key={m} value={m}>{MODES[m]}</option>)}
        </select>
      </label>
    </fieldset>
  );
}
