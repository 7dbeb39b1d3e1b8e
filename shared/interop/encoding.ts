/**
 * Small checks and conversions shared by the FHIR and HL7 v2 builders. Pure
 * ECMAScript: no Node (Buffer, crypto) and no DOM (atob), so shared/ stays
 * runnable anywhere.
 */

/** RFC 4648 base64, padded, no line breaks (what FHIR base64Binary and HL7 ED data carry here). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function isBase64(text: string): boolean {
  return text.length > 0 && BASE64.test(text);
}

/** The number of bytes a padded base64 string decodes to. */
export function base64ByteLength(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return (text.length / 4) * 3 - padding;
}

/** A lower-case RFC 4122 UUID, as FHIR's `uuid` type (urn:uuid:…) requires. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function requireUuid(value: string, what: string): string {
  const id = value.toLowerCase();
  if (!UUID.test(id)) throw new Error(`${what} must be a UUID, got ${JSON.stringify(value)}`);
  return id;
}

/** An ISO 8601 instant normalised to UTC with milliseconds (valid as FHIR instant and dateTime). */
export function toInstant(iso: string, what: string): string {
  const time = Date.parse(iso);
  // An offset is required: a bare local time would be read in the machine's zone.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(iso) || Number.isNaN(time)) throw new Error(`${what} must be an ISO 8601 date-time, got ${JSON.stringify(iso)}`);
  return new Date(time).toISOString();
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Padded base64 (RFC 4648) of ASCII text, without Buffer or btoa; other characters are refused. */
export function asciiToBase64(text: string): string {
  if ([...text].some((c) => c.charCodeAt(0) > 0x7f)) throw new Error('asciiToBase64 takes ASCII text only');
  const bytes = Array.from(text, (c) => c.charCodeAt(0));
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += BASE64_ALPHABET[(n >> 18) & 63]! + BASE64_ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? BASE64_ALPHABET[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? BASE64_ALPHABET[n & 63]! : '=';
  }
  return out;
}
