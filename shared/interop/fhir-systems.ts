/**
 * The code systems and fixed codes the chart exports name (LOINC, HL7 FHIR R4, US Core, ASTM):
 * the FHIR Bundle uses them all, the HL7 MDM message the document type.
 */

export const LOINC_SYSTEM = 'http://loinc.org';
/** DocumentReference.type is site-configurable; the default for the signed consent form is LOINC 59284-0 "Consent Document". */
export const DEFAULT_DOCUMENT_TYPE_LOINC = '59284-0';
/** Displays of the LOINC document codes that fit a treatment-consent discussion note. */
export const LOINC_DOCUMENT_DISPLAYS: Readonly<Record<string, string>> = {
  '59284-0': 'Consent Document',
  '28570-0': 'Procedure note',
  '11505-5': 'Physician procedure note',
  '61359-6': 'Anesthesia consent Document',
  '11506-3': 'Progress note',
};
/** US Core DocumentReference: category. */
export const US_CORE_DOCUMENT_CATEGORY_SYSTEM = 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category';
/** FHIR R4 Consent: scope `treatment`. */
export const CONSENT_SCOPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/consentscope';
/** FHIR R4 Consent: category `http://loinc.org#59284-0` (in the R4 consent-category value set). */
export const CONSENT_CATEGORY_LOINC = '59284-0';
/** FHIR R4 Provenance: `agent.type`. */
export const PROVENANCE_PARTICIPANT_SYSTEM = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';
/** ASTM E1762-95 signature types (FHIR R4 Signature.type). */
export const ASTM_SIGNATURE_SYSTEM = 'urn:iso-astm:E1762-95:2013';
export const AUTHOR_SIGNATURE = { system: ASTM_SIGNATURE_SYSTEM, code: '1.2.840.10065.1.12.1.1', display: "Author's Signature" } as const;
export const VERIFICATION_SIGNATURE = { system: ASTM_SIGNATURE_SYSTEM, code: '1.2.840.10065.1.12.1.5', display: 'Verification Signature' } as const;
/** DocumentReference.identifier is a URI (`urn:uuid:…`), stable, for conditional create. */
export const URI_IDENTIFIER_SYSTEM = 'urn:ietf:rfc:3986';
/**
 * The Consent, Procedure and QuestionnaireResponse of one encounter are identified by a URI in the
 * app's own `urn:proceduredesk:` namespace (as the Questionnaire canonical already is), e.g.
 * `urn:proceduredesk:encounter:<id>/consent`, under the RFC 3986 system.
 */
export const ENCOUNTER_RECORD_URN = 'urn:proceduredesk:encounter:';
