/** The FHIR R4 resources the Bundle carries: only the subset of each resource's shape this app writes. */

export interface Coding { system: string; code: string; display?: string }
export interface CodeableConcept { coding?: Coding[]; text?: string }
export interface Identifier { system: string; value: string }
export interface Reference { reference?: string; identifier?: Identifier; display?: string }

export interface FhirPatient {
  resourceType: 'Patient';
  identifier: Identifier[];
  name: { family: string; given: string[]; text: string }[];
  gender: 'female' | 'male' | 'other' | 'unknown';
  birthDate: string;
}

/** FHIR R4 Practitioner: the identifiers (NPI, local id) a receiver matches on, and the name. */
export interface FhirPractitioner {
  resourceType: 'Practitioner';
  identifier: Identifier[];
  name: { family: string; given: string[]; text: string }[];
}

/** FHIR R4 Organization: the clinic, by its identifier. */
export interface FhirOrganization {
  resourceType: 'Organization';
  identifier: Identifier[];
  active: true;
  name: string;
}

export interface FhirAttachment {
  contentType: 'application/pdf';
  data: string;
  size: number;
  hash: string;
  title: string;
  creation: string;
}

export interface FhirDocumentReference {
  resourceType: 'DocumentReference';
  identifier: Identifier[];
  status: 'current';
  docStatus: 'final' | 'preliminary';
  type: CodeableConcept;
  category: CodeableConcept[];
  subject: Reference;
  date: string;
  author: Reference[];
  authenticator?: Reference;
  custodian?: Reference;
  description: string;
  relatesTo?: { code: 'replaces'; target: Reference }[];
  content: [{ attachment: FhirAttachment }];
  context?: { encounter?: Reference[]; period?: { start?: string; end?: string }; related: Reference[] };
}

export interface FhirConsent {
  resourceType: 'Consent';
  identifier: Identifier[];
  status: 'active' | 'rejected' | 'proposed' | 'draft';
  scope: CodeableConcept;
  category: CodeableConcept[];
  patient: Reference;
  dateTime: string;
  performer?: Reference[];
  sourceReference: Reference;
  policy: { uri: string }[];
  provision?: { type: 'permit' | 'deny' };
}

export type ProcedureStatus = 'preparation' | 'in-progress' | 'not-done' | 'stopped' | 'completed';

export interface FhirProcedure {
  resourceType: 'Procedure';
  identifier: Identifier[];
  status: ProcedureStatus;
  statusReason?: CodeableConcept;
  code: CodeableConcept;
  subject: Reference;
  performedDateTime?: string;
  reasonCode?: CodeableConcept[];
  bodySite?: CodeableConcept[];
  note?: { text: string }[];
}

export interface QrAnswer { valueCoding?: Coding; valueString?: string; item?: QrItem[] }
export interface QrItem { linkId: string; text?: string; answer?: QrAnswer[]; item?: QrItem[] }

export interface FhirQuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  identifier: Identifier;
  questionnaire: string;
  status: 'completed' | 'in-progress';
  subject: Reference;
  authored: string;
  item?: QrItem[];
}

export interface FhirSignature {
  type: Coding[];
  when: string;
  who: Reference;
  sigFormat?: string;
  data?: string;
}

export interface FhirProvenance {
  resourceType: 'Provenance';
  text: { status: 'generated'; div: string };
  target: Reference[];
  recorded: string;
  agent: { type: CodeableConcept; who: Reference; onBehalfOf?: Reference }[];
  signature: FhirSignature[];
}

/** A JSON Patch document as the body of a transaction's PATCH entry (FHIR R4 http.html#transaction: Binary for JSON Patch). */
export interface FhirBinary {
  resourceType: 'Binary';
  contentType: 'application/json-patch+json';
  data: string;
}

export type FhirResource = FhirPractitioner | FhirOrganization | FhirPatient | FhirDocumentReference | FhirConsent | FhirProcedure | FhirQuestionnaireResponse | FhirProvenance | FhirBinary;

export interface BundleEntry<R extends FhirResource = FhirResource> {
  fullUrl: string;
  resource: R;
  request: { method: 'POST' | 'PUT' | 'PATCH'; url: string; ifNoneExist?: string };
}

export interface FhirBundle {
  resourceType: 'Bundle';
  type: 'transaction';
  timestamp: string;
  entry: BundleEntry[];
}
