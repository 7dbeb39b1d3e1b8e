/** The calendar date of `d` (now, by default) on this computer's clock and time zone, as YYYY-MM-DD. */
export function localIsoDate(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
