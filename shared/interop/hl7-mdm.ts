/**
 * The note as an HL7 v2.5.1 MDM message with the PDF inside (chapter 9), the inbound path
 * integration engines accept most widely. T02 for a note's first export, T10 when an amended
 * note replaces it (TXA-13 the parent, TXA-21 the reason), T06 for an addendum as its own
 * document; never T08, which edits in place what a signed note never allows. The outbox's
 * export after an addendum is the whole note again, addenda included, so it is a T10
 * (docs/interop-replacement.md says why not T06). Every text field loses hidden characters
 * and is escaped, so a value cannot pose as a segment; every field keeps to its v2.5.1
 * maximum (hl7-field-lengths.ts) or the message is refused. No clock or counter is read
 * here: the caller passes `now` and the control id.
 */
import type { Actor } from '../contract/common';
import type { EncounterDetail } from '../contract/encounter';
import { DEFAULT_DOCUMENT_TYPE_LOINC, LOINC_DOCUMENT_DISPLAYS } from './fhir-systems';
import { isBase64 } from './encoding';
import { discussionTime } from './discussion-time';
import { escapeHl7 } from './hl7-escape';
import { ENCODING_CHARACTERS, FIELD_SEPARATOR, SEGMENT_SEPARATOR } from './hl7-delimiters';
import { assertFieldLengths, HL7_251_MAX_LENGTHS, OBX5_MAX_LENGTH } from './hl7-field-lengths';
import { authentication, components, fitting, hd, hl7Date, hl7DateTime, joined, segment, text, xcn, type MdmIdentity } from './hl7-datatypes';

// Escaping lives in hl7-escape.ts, the delimiters in hl7-delimiters.ts; re-exported for the exports and tests that read messages back.
export { ENCODING_CHARACTERS, FIELD_SEPARATOR, SEGMENT_SEPARATOR } from './hl7-delimiters';
export { escapeHl7, unescapeHl7 } from './hl7-escape';

export { hl7Date, hl7DateTime, type MdmIdentity } from './hl7-datatypes';

const SEX = { female: 'F', male: 'M', other: 'O', unknown: 'U' } as const;

// ---------------------------------------------------------------- input

export type MdmEvent = 'T02' | 'T06' | 'T10';

export interface MdmSettings {
  /** MSH-3 / MSH-4: this installation. */
  sendingApplication: string;
  sendingFacility: string;
  /** MSH-5 / MSH-6: the receiving engine and facility. */
  receivingApplication: string;
  receivingFacility: string;
  /** PID-3.4: the MRN's assigning authority (as the receiving site names it). */
  mrnAssigningAuthority: string;
  /**
   * TXA-2 (HL7 v2 table 0270, user-defined): a consent document needs a local TXA-2 code agreed
   * with the site. Default `PN^Procedure note^HL70270` (PN = Procedure note in HL7's suggested values).
   */
  documentType?: { code: string; text: string; codingSystem: string };
  /** The PDF in OBX-5: embedded (ED, the default) or referenced (RP, where the engine fetches the file). */
  pdf?: { mode: 'embedded' } | MdmPdfReference;
  /** OBX-3: LOINC document code, the same setting as the FHIR DocumentReference.type (default 59284-0). */
  documentTypeLoinc?: string;
  /** OBX-5 ED type/subtype: 'mime' → ^application^pdf^Base64^…, 'hl7' → ^AP^PDF^Base64^… (HL7 v2.5.1 ED data type). */
  edFormat?: 'mime' | 'hl7';
  /** MSH-11: P production (default), T training, D debugging. */
  processingId?: 'P' | 'T' | 'D';
}

/** OBX-5 RP (HL7 v2.5.1 §2.A.65): the pointer (the PDF's file name) and where it is (application id HD, universal id a URI). */
export interface MdmPdfReference {
  mode: 'referenced';
  /** The file's name in the folder the engine reads. */
  pointer: string;
  /** The folder as a URI the engine can fetch from (file:// or https://). */
  baseUri: string;
}

/** OBX-5 ED: source^type^subtype^encoding^data (§2.A.24). */
function edEncoded(pdfBase64: string, edFormat: MdmSettings['edFormat']): string {
  const [type, subtype] = edFormat === 'hl7' ? ['AP', 'PDF'] : ['application', 'pdf'];
  return `^${type}^${subtype}^Base64^${pdfBase64}`;
}

/**
 * The embedded PDF as OBX-5 ED values, each within v2.5.1's 99,999 characters: one when it fits, else
 * consecutive fragments of the base64, each cut on a 4-character boundary so every fragment is whole base64
 * and the receiver joins the data components in OBX-1 order (docs/interop-replacement.md, "Large PDFs").
 */
export function edFragments(pdfBase64: string, edFormat: MdmSettings['edFormat']): string[] {
  const whole = edEncoded(pdfBase64, edFormat);
  if (whole.length <= OBX5_MAX_LENGTH) return [whole];
  const room = Math.floor((OBX5_MAX_LENGTH - edEncoded('', edFormat).length) / 4) * 4;
  const fragments: string[] = [];
  for (let at = 0; at < pdfBase64.length; at += room) fragments.push(edEncoded(pdfBase64.slice(at, at + room), edFormat));
  return fragments;
}

export interface MdmAmendment {
  /** replace → MDM^T10 (an amended note replacing the earlier export); addendum → MDM^T06. */
  kind: 'replace' | 'addendum';
  /** TXA-12 of the earlier document (TXA-13 here). */
  parentDocumentNumber: string;
  /** TXA-21 document change reason. */
  reason?: string;
}

export interface MdmInput {
  detail: Pick<EncounterDetail, 'patient' | 'encounter' | 'consent'> & Partial<Pick<EncounterDetail, 'signatures'>>;
  /** TXA-12: stable unique document number, at most 30 characters (documentNumberOf the FHIR document's UUID). */
  documentNumber: string;
  /** Optional TXA-16: the exported file's name. */
  fileName?: string;
  pdfBase64: string;
  /** TXA-6 origination: when the PDF was generated. */
  generatedAt: string;
  /** TXA-5 primary activity provider and TXA-9 originator. Default: the signer, else whoever last saved the consent discussion. */
  author?: Actor;
  /** Signed: TXA-17 AU, TXA-22 who and when, OBX-11 F. Unsigned: TXA-17 DO, OBX-11 P. */
  signature?: { by: Actor; at: string } | null;
  amendment?: MdmAmendment | null;
  settings: MdmSettings;
  /** The message time (MSH-7, EVN-2), ISO 8601. */
  now: () => string;
  /** MSH-10: unique per message (e.g. from the outbox's counter). */
  messageControlId: string;
  /** The people's identifiers and the identifier systems (issue 19); without it, names only as before. */
  identity?: MdmIdentity;
}

const LOINC_CODE = /^\d{1,7}-\d$/;

export function mdmEvent(amendment: MdmAmendment | null | undefined): MdmEvent {
  if (!amendment) return 'T02';
  return amendment.kind === 'replace' ? 'T10' : 'T06';
}

/** The MDM message as one string, segments separated by \r. */
export function buildMdmT02(input: MdmInput): string {
  const { detail, settings } = input;
  const { patient, encounter, consent } = detail;
  const identity = input.identity;
  if (!isBase64(input.pdfBase64)) throw new Error('pdfBase64 must be non-empty, padded base64 without line breaks');
  const controlId = input.messageControlId.trim();
  if (!controlId || controlId.length > 199) throw new Error('messageControlId must be 1 to 199 characters');
  if (!input.documentNumber.trim()) throw new Error('documentNumber (TXA-12) is required');
  const amendment = input.amendment ?? null;
  if (amendment && !amendment.parentDocumentNumber.trim()) throw new Error('an amendment names its parent document (TXA-13)');
  if (amendment && amendment.parentDocumentNumber === input.documentNumber) throw new Error('a document cannot amend itself: TXA-12 and TXA-13 are equal');
  const loinc = settings.documentTypeLoinc ?? DEFAULT_DOCUMENT_TYPE_LOINC;
  if (!LOINC_CODE.test(loinc)) throw new Error(`settings.documentTypeLoinc must be a LOINC code like 59284-0, got ${JSON.stringify(loinc)}`);

  const event = mdmEvent(amendment);
  const now = hl7DateTime(input.now());
  const signature = input.signature ?? null;
  const author = input.author ?? signature?.by ?? consent?.updatedBy ?? encounter.createdBy;
  const docType = settings.documentType ?? { code: 'PN', text: 'Procedure note', codingSystem: 'HL70270' };
  const ed = settings.edFormat === 'hl7' ? ['AP', 'PDF'] : ['application', 'pdf'];
  // EI without a namespace: a 25-character number and any namespace would pass TXA-12's 30 (v2.5.1 ch. 9 §9.6.1).
  const documentNumber = components(input.documentNumber);
  const pdf = settings.pdf ?? { mode: 'embedded' as const };

  const msh = `MSH${FIELD_SEPARATOR}${[
    ENCODING_CHARACTERS, // MSH-2
    components(settings.sendingApplication), // MSH-3
    components(settings.sendingFacility), // MSH-4
    components(settings.receivingApplication), // MSH-5
    components(settings.receivingFacility), // MSH-6
    now, // MSH-7
    '', // MSH-8 security
    `MDM^${event}^MDM_T02`, // MSH-9
    escapeHl7(controlId), // MSH-10
    settings.processingId ?? 'P', // MSH-11
    '2.5.1', // MSH-12
    '', '', '', '', '', // MSH-13 … MSH-17
    'UNICODE UTF-8', // MSH-18
  ].join(FIELD_SEPARATOR)}`;

  const evn = segment('EVN', [event, now]);

  const pid = segment('PID', [
    '1', // PID-1
    '', // PID-2
    // PID-3 CX (§2.A.14): 1 ID, 4 assigning authority (HD: namespace&universal id&type), 5 identifier type MR.
    fitting(HL7_251_MAX_LENGTHS.PID![3]!,
      joined([text(patient.mrn), '', '', hd(settings.mrnAssigningAuthority, identity?.mrnSystem ?? null), 'MR']),
      () => joined([text(patient.mrn), '', '', text(settings.mrnAssigningAuthority), 'MR'])),
    '', // PID-4
    components(patient.familyName, patient.givenName), // PID-5 XPN: family^given
    '', // PID-6
    hl7Date(patient.birthDate), // PID-7
    SEX[patient.sex], // PID-8
  ]);

  // PV1 (§3.4.3): 2 patient class O (outpatient); 3 assigned location (PL: 1 point of care, 4 facility);
  // 19 visit number (CX: 1 ID, 4 the EHR's authority, 5 VN), where the EHR's visit is known.
  const pv1 = segment('PV1', [
    '1', 'O',
    encounter.location ? fitting(HL7_251_MAX_LENGTHS.PV1![3]!, joined([text(encounter.location), '', '', text(settings.sendingFacility)]), () => text(encounter.location)) : '',
    ...new Array<string>(15).fill(''),
    encounter.visitNumber ? fitting(HL7_251_MAX_LENGTHS.PV1![19]!,
      joined([text(encounter.visitNumber), '', '', hd(settings.receivingFacility, identity?.visitNumberSystem ?? null), 'VN']),
      () => joined([text(encounter.visitNumber), '', '', text(settings.receivingFacility), 'VN'])) : '',
  ]);

  // TXA-4: when the discussion happened (not when the record was last saved).
  const activityAt = discussionTime(detail) ?? input.generatedAt;
  const txa = segment('TXA', [
    '1', // TXA-1
    components(docType.code, docType.text, docType.codingSystem), // TXA-2
    'AP', // TXA-3 application data (the PDF)
    hl7DateTime(activityAt), // TXA-4 the consent discussion
    xcn(author, identity), // TXA-5 primary activity provider (XCN, repeating: NPI, then local id)
    hl7DateTime(input.generatedAt), // TXA-6 origination
    '', // TXA-7
    '', // TXA-8
    xcn(author, identity), // TXA-9 originator
    signature ? xcn(signature.by, identity) : '', // TXA-10 assigned document authenticator
    '', // TXA-11
    documentNumber, // TXA-12 unique document number
    amendment ? components(amendment.parentDocumentNumber) : '', // TXA-13 parent document number
    '', // TXA-14
    '', // TXA-15
    input.fileName ? components(input.fileName) : '', // TXA-16
    signature ? 'AU' : 'DO', // TXA-17 authenticated / documented (not yet authenticated)
    '', // TXA-18
    'AV', // TXA-19 available
    '', // TXA-20
    amendment?.reason ? components(amendment.reason) : '', // TXA-21 change reason
    signature ? authentication(signature.by, signature.at, identity) : '', // TXA-22 authentication person, time stamp (PPN)
  ]);

  // OBX-5 ED: source^type^subtype^encoding^data, in fragments when over its maximum; or RP:
  // pointer^application id (HD, a URI)^type^subtype.
  const values = pdf.mode === 'embedded' ? edFragments(input.pdfBase64, settings.edFormat)
    : [joined([text(pdf.pointer), hd(settings.sendingApplication, pdf.baseUri), ed[0]!, ed[1]!])];
  const obx = values.map((value, i) => segment('OBX', [
    String(i + 1), // OBX-1
    pdf.mode === 'embedded' ? 'ED' : 'RP', // OBX-2
    components(loinc, LOINC_DOCUMENT_DISPLAYS[loinc] ?? '', 'LN'), // OBX-3
    values.length > 1 ? '1' : '', // OBX-4: one sub-ID, so the fragments read as parts of one observation
    value, // OBX-5
    '', '', '', '', '', // OBX-6 … OBX-10
    signature ? 'F' : 'P', // OBX-11 final / preliminary
  ]));

  const message = [msh, evn, pid, pv1, txa, ...obx].join(SEGMENT_SEPARATOR);
  assertFieldLengths(message);
  return message;
}
