import type { Delivery } from '#shared/contract/delivery';
import { clinicDateTime } from '#shared/domain/outcome-text';

const CHANNEL: Readonly<Record<Delivery['channel'], string>> = { folder: 'Drop folder', mllp: 'HL7 interface', fhir: 'FHIR server' };

/** One delivery's status as a records clerk reads it, with the receiver's words where it refused or could not be reached. */
export function deliveryWords(d: Delivery, timeZone: string): string {
  const channel = CHANNEL[d.channel];
  switch (d.state) {
    case 'acknowledged': return `${channel}: acknowledged by the receiver`;
    case 'delivered': return `${channel}: delivered`;
    case 'failed': return `${channel}: failed; the receiver said "${d.receiverSaid ?? 'nothing'}"`;
    case 'sending': return `${channel}: sending…`;
    case 'queued':
      return d.attempts === 0
        ? `${channel}: queued`
        : `${channel}: queued, next try ${d.nextAttemptAt ? clinicDateTime(d.nextAttemptAt, timeZone) : 'soon'} (${d.attempts} attempt${d.attempts === 1 ? '' : 's'}; last: ${d.receiverSaid ?? 'no answer'})`;
  }
}
