/**
 * How a site routes the note (issue 19 point 4): what its receivers file on (TXA-2, FHIR type and
 * category), which environment the messages are for (MSH-11), how a large PDF travels in HL7 and
 * who may read the outbox files. Validated here, so a value the receiver would reject or truncate
 * is refused at the settings screen, not discovered at the chart.
 */
import { z } from 'zod';
import { shortText } from './text';

const noDelimiters = /^[^|^~\\&]*$/;
const DELIMITERS = 'must not contain HL7 delimiters (| ^ ~ \\ &)';

/**
 * TXA-2 (HL7 v2 table 0270, user-defined): the site's document type code and text. HL7 v2.5.1 types
 * TXA-2 as IS of at most 30 characters (ch. 9 §9.6.1); receivers read the first component as the code,
 * so code^text^coding system together must fit in 30.
 */
export const DocumentTypeSchema = z.strictObject({
  code: shortText('the document type code', { min: 1, max: 10 }).regex(noDelimiters, DELIMITERS),
  text: shortText('the document type text', { max: 28 }).regex(noDelimiters, DELIMITERS),
  codingSystem: shortText('the coding system', { max: 12 }).regex(noDelimiters, DELIMITERS),
}).refine((t) => [t.code, t.text, t.codingSystem].join('^').replace(/\^+$/, '').length <= 30, {
  message: 'code, text and coding system together must fit TXA-2 (30 characters in HL7 v2.5.1)',
});

/** DocumentReference.category: US Core's clinical-note by default; a site may file under its own code. */
export const DocumentCategorySchema = z.strictObject({
  system: shortText('the category system', { min: 1, max: 200 }).regex(/^(urn:|https?:\/\/)\S+$/, 'must be a URI (urn:oid:…, https://…)'),
  code: shortText('the category code', { min: 1, max: 64 }).regex(/^\S+$/, 'must not contain spaces'),
  display: shortText('the category display', { max: 120 }),
});

/**
 * Outbox file permissions (POSIX): 0600 owner only by default; 0640 (group) or 0644 (everyone) when the
 * interface engine that picks the files up runs as another user (docs/interop-replacement.md).
 */
export const OUTBOX_FILE_MODES = ['0600', '0640', '0644'] as const;

export const SiteMappingFields = {
  documentType: DocumentTypeSchema,
  documentCategory: DocumentCategorySchema,
  /** MSH-11: P production, T training, D debugging (HL7 table 0103). */
  processingId: z.enum(['P', 'T', 'D']),
  /**
   * The PDF in HL7: embedded in OBX-5 (ED; over the 99,999 characters of v2.5.1, in consecutive OBX fragments) or referenced
   * (OBX-5 RP naming the outbox PDF under `pdfReferenceBaseUri`, where the engine fetches it).
   */
  hl7Pdf: z.enum(['embedded', 'referenced']),
  /** Where the engine reaches the outbox folder (file:// or https://); null: the outbox folder as a file:// URI. */
  pdfReferenceBaseUri: shortText('the PDF reference base', { min: 1, max: 180 }).regex(/^(file|https?):\/\/\S+$/, 'must be a file:// or https:// URI').nullable(),
  outboxFileMode: z.enum(OUTBOX_FILE_MODES),
};

export const DEFAULT_SITE_MAPPING = {
  documentType: { code: 'PN', text: 'Procedure note', codingSystem: 'HL70270' },
  documentCategory: { system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category', code: 'clinical-note', display: 'Clinical Note' },
  processingId: 'P',
  hl7Pdf: 'embedded',
  pdfReferenceBaseUri: null,
  outboxFileMode: '0600',
} as const satisfies { [K in keyof typeof SiteMappingFields]: z.infer<(typeof SiteMappingFields)[K]> };
