/**
 * Pulling a day's appointments from the EHR's FHIR R4 server (issue 19, point 6):
 * GET [base]/Appointment?date=YYYY-MM-DD&location=…&_include=Appointment:patient, following `next` links,
 * then GET [base]/Patient/<id> for any patient the server did not include. Each Appointment with its
 * Patient is imported in its own transaction, or refused with its reason (one bad Appointment refuses
 * only itself). Sources: hl7.org/fhir/R4/http.html#search, search.html#include, appointment.html#search.
 */
import fs from 'node:fs';
import { readFhirAppointment, patientReferenceOf, readSearchPage, type FhirInboundIdentity } from '#shared/interop/fhir-inbound';
import { InboundRefusal } from '#shared/contract/schedule-inbound';
import type { FhirAuth } from '#shared/contract/schedule-settings';
import type { ScheduleImporter } from './import';

export interface PullSettings {
  baseUrl: string;
  location: string;
  auth: FhirAuth;
  timeoutSeconds: number;
  maxMessageBytes: number;
  identity: FhirInboundIdentity;
}

export interface PullResult {
  imported: number;
  refused: { messageId: string; reason: string }[];
}

/** A search answer larger than this many pages is not one clinic's day. */
const MAX_PAGES = 20;

/** Why the server could not be asked (not a refusal of a message: nothing was imported). */
export class FhirPullError extends Error {}

function headersFor(auth: FhirAuth): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/fhir+json' };
  if (auth.kind === 'bearer') {
    let token: string;
    try {
      token = fs.readFileSync(auth.tokenFile, 'utf8').trim();
    } catch (error) {
      throw new FhirPullError(`the bearer token file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    headers.authorization = `Bearer ${token}`;
  }
  return headers;
}

async function getJson(url: string, settings: PullSettings): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { headers: headersFor(settings.auth), signal: AbortSignal.timeout(settings.timeoutSeconds * 1000) });
  } catch (error) {
    if (error instanceof FhirPullError) throw error;
    throw new FhirPullError(`the FHIR server could not be reached (${error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error)})`);
  }
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > settings.maxMessageBytes) throw new FhirPullError(`the FHIR server's answer is ${body.length} bytes; the limit is ${settings.maxMessageBytes}`);
  if (!response.ok) throw new FhirPullError(`the FHIR server answered ${response.status} for ${new URL(url).pathname}`);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body)) as unknown;
  } catch {
    throw new FhirPullError("the FHIR server's answer is not UTF-8 JSON");
  }
}

export async function pullSchedule(date: string, settings: PullSettings, importer: ScheduleImporter): Promise<PullResult> {
  const base = settings.baseUrl.replace(/\/+$/, '');
  const query = new URLSearchParams({ date, location: settings.location, _include: 'Appointment:patient', _count: '100' });
  let url: string | null = `${base}/Appointment?${query.toString()}`;
  const result: PullResult = { imported: 0, refused: [] };
  const refuse = (messageId: string, reason: string) => {
    importer.refuse('fhir', messageId, reason);
    result.refused.push({ messageId, reason });
  };
  for (let page = 0; url && page < MAX_PAGES; page += 1) {
    let parsed;
    try {
      parsed = readSearchPage(await getJson(url, settings));
    } catch (error) {
      if (!(error instanceof InboundRefusal || error instanceof FhirPullError)) throw error;
      // The whole answer is refused: logged and audited like a refused message, and nothing of the page imported.
      importer.refuse('fhir', `Appointment?date=${date} (page ${page + 1})`, error.message);
      throw error instanceof FhirPullError ? error : new FhirPullError(error.message);
    }
    for (const appointment of parsed.appointments) {
      const id = typeof (appointment as { id?: unknown }).id === 'string' ? `Appointment/${(appointment as { id: string }).id}` : 'Appointment/(no id)';
      try {
        const ref = patientReferenceOf(appointment);
        const patient = ref ? parsed.included.get(ref) ?? await getJson(`${base}/${ref}`, settings) : null;
        importer.import(readFhirAppointment(appointment, patient, settings.identity, settings.location), 'fhir');
        result.imported += 1;
      } catch (error) {
        if (error instanceof InboundRefusal || error instanceof FhirPullError) refuse(id, error.message);
        else throw error;
      }
    }
    url = parsed.next;
  }
  return result;
}
