/** Exponential backoff with a cap: the wait before the attempt after `attempts` failed ones. */
export function backoffSeconds(attempts: number, baseSeconds: number, capSeconds: number): number {
  return Math.min(capSeconds, baseSeconds * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
}

export const addSeconds = (iso: string, seconds: number): string => new Date(Date.parse(iso) + seconds * 1000).toISOString();
