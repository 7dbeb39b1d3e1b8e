/**
 * The note as one FHIR R4 `transaction` Bundle: the PDF in a DocumentReference with its
 * Patient, Consent, Procedure, checklist (QuestionnaireResponse) and, once signed, a
 * Provenance. A transaction because a server commits it all-or-nothing in one POST; its
 * requests are conditional (Patient and DocumentReference created only if absent, the
 * encounter's resources PUT on stable identifiers) so exporting again never duplicates.
 * No clock or random source is read here: the caller passes the time and a UUID source.
 */
import type { Actor } from '../contract/common';
import { neutraliseText, oneLine } from '../contract/text-rules';
import { verificationLine } from '../note/signature';
import { base64ByteLength, isBase64, requireUuid, toInstant } from './encoding';
import { bodySiteText, checklistResponseItems, consentStatus, procedureStatus, questionnaireCanonical, transitionInto } from './fhir-mappings';
import type { BundleEntry, FhirBundle, Identifier, Reference } from './fhir-resources';
import { conditional, identityEntries, visitContext } from './fhir-identity';
import { replacesRelation, supersedeEntry } from './fhir-supersede';
import { discussionTime } from './discussion-time';
import {
  AUTHOR_SIGNATURE, CONSENT_CATEGORY_LOINC, CONSENT_SCOPE_SYSTEM, DEFAULT_DOCUMENT_TYPE_LOINC, ENCOUNTER_RECORD_URN, LOINC_DOCUMENT_DISPLAYS, LOINC_SYSTEM,
  PROVENANCE_PARTICIPANT_SYSTEM, URI_IDENTIFIER_SYSTEM, US_CORE_DOCUMENT_CATEGORY_SYSTEM, VERIFICATION_SIGNATURE,
} from './fhir-systems';
import type { FhirBundleInput } from './fhir-bundle-input';

// The input types live in fhir-bundle-input.ts; re-exported for callers that build a Bundle.
export type { FhirBundleInput, FhirBundleSettings, NoteSignature } from './fhir-bundle-input';

// ---------------------------------------------------------------- the bundle

const LOINC_CODE = /^\d{1,7}-\d$/;
const ABSOLUTE_URI = /^[a-z][a-z0-9+.-]*:\S+$/i;

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/**
 * FHIR strings may hold no control character but tab, CR and LF (R4 §2.1.28.0.1 string);
 * whatever was stored before the text rules is neutralised here, whole bundle at once.
 */
function neutraliseStrings<T>(value: T): T {
  if (typeof value === 'string') return neutraliseText(value, 'multiline') as T;
  if (Array.isArray(value)) return value.map(neutraliseStrings) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, neutraliseStrings(v)])) as T;
  return value;
}

function uriIdentifier(value: string): Identifier {
  return { system: URI_IDENTIFIER_SYSTEM, value };
}

export function buildFhirDocumentBundle(input: FhirBundleInput): FhirBundle {
  const { detail, template, settings } = input;
  const { encounter, patient, consent } = detail;

  // Preconditions: a bad setting or input fails here, loudly, not at the receiving server.
  if (!ABSOLUTE_URI.test(settings.mrnSystem)) throw new Error(`settings.mrnSystem must be an absolute URI, got ${JSON.stringify(settings.mrnSystem)}`);
  const typeCode = settings.documentTypeLoinc ?? DEFAULT_DOCUMENT_TYPE_LOINC;
  if (!LOINC_CODE.test(typeCode)) throw new Error(`settings.documentTypeLoinc must be a LOINC code like 59284-0, got ${JSON.stringify(typeCode)}`);
  if (!isBase64(input.pdfBase64)) throw new Error('pdfBase64 must be non-empty, padded base64 without line breaks');
  if (!isBase64(input.pdfSha1Base64) || base64ByteLength(input.pdfSha1Base64) !== 20) throw new Error('pdfSha1Base64 must be a base64 SHA-1 (20 bytes)');
  if (encounter.templateId !== template.id || encounter.templateVersion !== template.version) {
    throw new Error(`the template given (${template.id} v${template.version}) is not the one the encounter used (${encounter.templateId} v${encounter.templateVersion})`);
  }
  const generatedAt = toInstant(input.generatedAt, 'generatedAt');
  const signature = input.signature ?? null;
  if (signature && !/^[0-9a-f]{64}$/.test(signature.sha256)) throw new Error('signature.sha256 must be 64 lower-case hex digits');
  if (signature?.imagePngBase64 !== undefined && !isBase64(signature.imagePngBase64)) throw new Error('signature.imagePngBase64 must be base64');
  const signedAt = signature ? toInstant(signature.at, 'signature.at') : null;

  const urn = (what: string) => `urn:uuid:${requireUuid(input.ids(), `ids() for the ${what}`)}`;
  const documentId = requireUuid(input.documentId ?? input.ids(), 'documentId');
  const replaces = input.replaces ? requireUuid(input.replaces.replace(/^urn:uuid:/i, ''), 'replaces') : null;
  if (replaces === documentId) throw new Error('a document cannot replace itself');
  const author = input.author ?? signature?.by ?? consent?.updatedBy ?? encounter.createdBy;
  const recordId = (kind: string) => uriIdentifier(`${ENCOUNTER_RECORD_URN}${requireUuid(encounter.id, 'encounter.id')}/${kind}`);

  const patientUrl = urn('Patient');
  const documentUrl = urn('DocumentReference');
  const consentUrl = consent ? urn('Consent') : null;
  const procedureUrl = urn('Procedure');
  const responseUrl = urn('QuestionnaireResponse');
  const provenanceUrl = signature ? urn('Provenance') : null;
  const subject: Reference = { reference: patientUrl };
  const people = identityEntries(input.identity, [author, ...(signature ? [signature.by] : [])], urn);
  const who = (actor: Actor): Reference => people.who(actor);
  const entries: BundleEntry[] = [...people.entries];

  // Patient: identified by the MRN under the site's system; matched, never overwritten.
  const mrn: Identifier = { system: settings.mrnSystem, value: patient.mrn };
  entries.push({
    fullUrl: patientUrl,
    resource: {
      resourceType: 'Patient',
      identifier: [mrn],
      name: [{ family: oneLine(patient.familyName), given: [oneLine(patient.givenName)], text: oneLine(`${patient.givenName} ${patient.familyName}`) }],
      gender: patient.sex,
      birthDate: patient.birthDate,
    },
    request: { method: 'POST', url: 'Patient', ifNoneExist: conditional(mrn) },
  });

  // DocumentReference: the PDF (FHIR R4 DocumentReference; US Core mandatory: status, type, category, subject, content, contentType).
  const documentIdentifier = uriIdentifier(`urn:uuid:${documentId}`);
  const typeDisplay = LOINC_DOCUMENT_DISPLAYS[typeCode] ?? settings.documentTypeDisplay;
  const category = settings.documentCategory ?? { system: US_CORE_DOCUMENT_CATEGORY_SYSTEM, code: 'clinical-note', display: 'Clinical Note' };
  const earlier = replaces ? uriIdentifier(`urn:uuid:${replaces}`) : null;
  const title = `Consent discussion note: ${template.name}`;
  entries.push({
    fullUrl: documentUrl,
    resource: {
      resourceType: 'DocumentReference',
      identifier: [documentIdentifier],
      status: 'current',
      docStatus: signature ? 'final' : 'preliminary',
      type: { coding: [{ system: LOINC_SYSTEM, code: typeCode, ...(typeDisplay ? { display: typeDisplay } : {}) }], text: title },
      category: [{ coding: [{ system: category.system, code: category.code, ...(category.display ? { display: category.display } : {}) }] }],
      subject,
      date: generatedAt,
      author: [who(author)],
      ...(signature ? { authenticator: who(signature.by) } : {}),
      ...(people.organization ? { custodian: people.organization } : {}),
      description: `${title} (template ${template.id} version ${template.version})${signature ? `, signed by ${signature.by.name}` : ', not signed'}`,
      ...(earlier ? { relatesTo: replacesRelation(earlier) } : {}),
      content: [{
        attachment: {
          contentType: 'application/pdf',
          data: input.pdfBase64,
          size: base64ByteLength(input.pdfBase64),
          hash: input.pdfSha1Base64,
          title,
          creation: generatedAt,
        },
      }],
      context: {
        ...visitContext(detail, input.identity?.visitNumberSystem ?? null),
        related: [...(consentUrl ? [{ reference: consentUrl }] : []), { reference: procedureUrl }],
      },
    },
    request: { method: 'POST', url: 'DocumentReference', ifNoneExist: conditional(documentIdentifier) },
  });
  // The earlier document, superseded in the same transaction (fhir-supersede.ts).
  if (earlier) entries.push(supersedeEntry(earlier, urn('superseded DocumentReference')));

  // Consent: the decision, pointing at the signed PDF (FHIR R4 Consent: scope treatment, category LOINC 59284-0,
  // ppc-1 satisfied by policy.uri = the versioned template, ppc-5 by patient).
  if (consent && consentUrl) {
    const status = consentStatus(consent.decision);
    const identifier = recordId('consent');
    entries.push({
      fullUrl: consentUrl,
      resource: {
        resourceType: 'Consent',
        identifier: [identifier],
        status,
        scope: { coding: [{ system: CONSENT_SCOPE_SYSTEM, code: 'treatment', display: 'Treatment' }] },
        category: [{ coding: [{ system: LOINC_SYSTEM, code: CONSENT_CATEGORY_LOINC, display: 'Consent Document' }] }],
        patient: subject,
        // When the discussion happened (discussion-time.ts), not the record's last save.
        dateTime: toInstant(discussionTime(detail) ?? consent.updatedAt, 'the discussion time'),
        // Who consents (or declines): the patient.
        ...(consent.decision ? { performer: [subject] } : {}),
        sourceReference: { reference: documentUrl },
        policy: [{ uri: questionnaireCanonical(template) }],
        ...(status === 'active' ? { provision: { type: 'permit' as const } } : status === 'rejected' ? { provision: { type: 'deny' as const } } : {}),
      },
      request: { method: 'PUT', url: `Consent?${conditional(identifier)}` },
    });
  }

  // Procedure: what was planned or done. Code as text only: SNOMED CT codes belong in the
  // template, not in app code, and CPT needs an AMA licence.
  {
    const { status, reason } = procedureStatus(detail);
    const started = transitionInto(detail.transitions, 'procedure');
    const site = bodySiteText(detail);
    const identifier = recordId('procedure');
    const performed = (status === 'in-progress' || status === 'completed' || status === 'stopped') && started ? toInstant(started.at, 'the procedure start') : null;
    entries.push({
      fullUrl: procedureUrl,
      resource: {
        resourceType: 'Procedure',
        identifier: [identifier],
        status,
        ...(reason && status !== 'completed' ? { statusReason: { text: reason } } : {}),
        code: { text: template.name },
        subject,
        ...(performed ? { performedDateTime: performed } : {}),
        ...(encounter.indication ? { reasonCode: [{ text: encounter.indication }] } : {}),
        ...(site ? { bodySite: [{ text: site }] } : {}),
        ...(reason && status === 'completed' ? { note: [{ text: `Encounter cancelled after the procedure: ${reason}` }] } : {}),
      },
      request: { method: 'PUT', url: `Procedure?${conditional(identifier)}` },
    });
  }

  // QuestionnaireResponse: the completed checklist against the template's Questionnaire (url|version).
  {
    const { items, answered, total } = checklistResponseItems(template, detail);
    const identifier = recordId('checklist');
    const questionnaireIds = new Set(items.flatMap((g) => (g.item ?? []).map((i) => i.linkId)));
    const lastChange = detail.items.filter((s) => questionnaireIds.has(s.itemId)).map((s) => s.updatedAt).sort().at(-1);
    entries.push({
      fullUrl: responseUrl,
      resource: {
        resourceType: 'QuestionnaireResponse',
        identifier,
        questionnaire: questionnaireCanonical(template),
        status: answered === total ? 'completed' : 'in-progress',
        subject,
        authored: lastChange ? toInstant(lastChange, 'checklist item updatedAt') : generatedAt,
        ...(items.length ? { item: items } : {}),
      },
      request: { method: 'PUT', url: `QuestionnaireResponse?${conditional(identifier)}` },
    });
  }

  // Provenance: who signed, when, what (FHIR R4 Provenance). Only for a signed note.
  if (signature && signedAt && provenanceUrl) {
    const signerIsAuthor = signature.by.name === author.name;
    const participant = (code: 'author' | 'verifier', display: string, actor: Actor) => ({
      type: { coding: [{ system: PROVENANCE_PARTICIPANT_SYSTEM, code, display }] },
      who: who(actor),
      ...(people.organization ? { onBehalfOf: people.organization } : {}),
    });
    entries.push({
      fullUrl: provenanceUrl,
      resource: {
        resourceType: 'Provenance',
        text: {
          status: 'generated',
          div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>${escapeXml(`Consent-discussion note signed by ${signature.by.name} (${signature.by.role}) at ${signedAt}. SHA-256 of the signed note content: ${signature.sha256}.${signature.verification ? ` ${verificationLine(signature.verification, 'note')}` : ''}`)}</p></div>`,
        },
        target: [{ reference: documentUrl }, ...(consentUrl ? [{ reference: consentUrl }] : [])],
        recorded: signedAt,
        agent: signerIsAuthor
          ? [participant('author', 'Author', author)]
          : [participant('author', 'Author', author), participant('verifier', 'Verifier', signature.by)],
        signature: [{
          type: [{ ...(signerIsAuthor ? AUTHOR_SIGNATURE : VERIFICATION_SIGNATURE) }],
          when: signedAt,
          who: who(signature.by),
          ...(signature.imagePngBase64 ? { sigFormat: 'image/png', data: signature.imagePngBase64 } : {}),
        }],
      },
      request: { method: 'POST', url: 'Provenance' },
    });
  }

  return neutraliseStrings<FhirBundle>({ resourceType: 'Bundle', type: 'transaction', timestamp: generatedAt, entry: entries });
}
