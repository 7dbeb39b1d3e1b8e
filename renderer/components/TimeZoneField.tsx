import { useId } from 'react';
import { zoneHeading } from '#shared/domain/clinic-time';

/** Every zone this browser knows, offered as the administrator types (Intl.supportedValuesOf is ES2022). */
const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

function heading(zone: string): string | null {
  try {
    return zoneHeading(Date.now(), zone);
  } catch {
    return null; // not a zone (yet): the core's refusal says so beside the field
  }
}

/**
 * The clinic's time zone, by IANA name: what every time on screen and in the chart copies
 * is shown in. Used at first start (prefilled from the computer) and in the clinic settings.
 */
export function TimeZoneField({ value, onChange, error }: { value: string; onChange: (zone: string) => void; error: string | undefined }) {
  const listId = useId();
  const reads = heading(value.trim());
  return (
    <label>
      Clinic time zone (IANA name)
      <input value={value} onChange={(e) => onChange(e.target.value)} list={listId} spellCheck={false} aria-invalid={!!error} />
      <datalist id={listId}>{ZONES.map((z) => <option key={z} value={z} />)}</datalist>
      <span className="hint">{reads ? `Times will read in ${reads}.` : 'Type a zone such as America/Chicago.'} Stored times stay exact (UTC); only how they are shown changes.</span>
      {error && <span className="error">{error}</span>}
    </label>
  );
}
