import { describe, expect, it } from 'vitest';
import type { Delivery } from '#shared/contract/delivery';
import { deliveryWords } from './delivery-words';

const base: Delivery = {
  id: '00000000-0000-4000-8000-000000000001', documentId: '00000000-0000-4000-8000-000000000002', channel: 'mllp',
  encounterId: '00000000-0000-4000-8000-000000000003', state: 'queued', attempts: 0, nextAttemptAt: '2026-11-24T15:30:00.000Z',
  lastAttemptAt: null, receiverSaid: null, queuedAt: '2026-11-24T15:30:00.000Z',
};

describe('delivery status words', () => {
  it("names the state, and the receiver's own words when it refused or could not be reached", () => {
    expect(deliveryWords(base, 'UTC')).toBe('HL7 interface: queued');
    expect(deliveryWords({ ...base, state: 'acknowledged', attempts: 1, receiverSaid: 'AA' }, 'UTC')).toBe('HL7 interface: acknowledged by the receiver');
    expect(deliveryWords({ ...base, channel: 'folder', state: 'delivered', attempts: 1 }, 'UTC')).toBe('Drop folder: delivered');
    expect(deliveryWords({ ...base, state: 'failed', attempts: 1, receiverSaid: 'AE: Unknown patient MRN-7' }, 'UTC'))
      .toBe('HL7 interface: failed; the receiver said "AE: Unknown patient MRN-7"');
    const retrying = deliveryWords({ ...base, attempts: 2, nextAttemptAt: '2026-11-24T15:31:00.000Z', receiverSaid: '127.0.0.1:2575: ECONNREFUSED' }, 'UTC');
    expect(retrying).toMatch(/^HL7 interface: queued, next try .+ \(2 attempts; last: 127\.0\.0\.1:2575: ECONNREFUSED\)$/);
  });
});
