/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace,
 * array order kept, undefined members left out (as JSON.stringify does). Equal
 * content always gives the same text, so its SHA-256 is a stable fingerprint
 * whatever order the object's keys were built in. Values that JSON cannot hold
 * faithfully (non-finite numbers, functions, bigints) are refused rather than
 * silently turned into null.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
}
