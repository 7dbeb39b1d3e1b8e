/**
 * The sentence a batch export ends with: what was sent, what the outbox
 * already had unchanged, what was left out. Pure, so the screen and its test
 * say the same words.
 */
import type { BatchStatus } from '../contract/export';

const notes = (n: number) => `${n} note${n === 1 ? '' : 's'}`;

export function batchSummary(batch: Pick<BatchStatus, 'state' | 'total' | 'exported' | 'failed' | 'alreadySent'>, unsigned: number): string {
  const parts: string[] = [];
  if (batch.state === 'running') parts.push('Sending… you can keep working.');
  if (batch.state === 'done') parts.push(batch.total === 0 ? 'Nothing new to send.' : `Done: ${notes(batch.exported)} sent${batch.failed ? `, ${batch.failed} failed` : ''}.`);
  if (batch.state === 'cancelled') parts.push(`Cancelled after ${batch.exported} of ${batch.total}; those stay sent.`);
  if (batch.state === 'failed') parts.push('Stopped: the outbox could not be written.');
  if (batch.alreadySent > 0) {
    parts.push(`${notes(batch.alreadySent)} already in the outbox unchanged ${batch.alreadySent === 1 ? 'was' : 'were'} not sent again.`);
  }
  if (unsigned > 0) parts.push(`${notes(unsigned)} not signed ${unsigned === 1 ? 'was' : 'were'} left out.`);
  return parts.join(' ');
}
