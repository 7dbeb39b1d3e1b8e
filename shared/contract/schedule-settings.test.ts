// The schedule pull's authentication is the delivery channel's, narrowed (not copied): the same bearer
// rule and message, and no SMART kind, as db/schedule/fhir-pull.ts sends no SMART token.
import { describe, expect, it } from 'vitest';
import { FhirAuthSchema as DeliveryAuth } from './delivery-settings';
import { FhirAuthSchema as ScheduleAuth } from './schedule-settings';

const smart = { kind: 'smart', clientId: 'pd', privateKeyFile: '/keys/pd.pem', algorithm: 'RS384', keyId: null, scope: 'system/Appointment.read' };

describe("the schedule pull's FHIR authentication", () => {
  it('takes none and a bearer token file, refusing a relative path with the delivery channel\'s message', () => {
    expect(ScheduleAuth.parse({ kind: 'bearer', tokenFile: '/etc/pd/token' })).toEqual({ kind: 'bearer', tokenFile: '/etc/pd/token' });
    expect(ScheduleAuth.parse({ kind: 'none' })).toEqual({ kind: 'none' });
    const refused = (schema: typeof ScheduleAuth | typeof DeliveryAuth) => schema.safeParse({ kind: 'bearer', tokenFile: 'token.txt' }).error?.issues[0]?.message;
    expect(refused(ScheduleAuth)).toBe('must be an absolute file path');
    expect(refused(ScheduleAuth)).toBe(refused(DeliveryAuth));
  });

  it('refuses SMART, which only delivery sends', () => {
    expect(DeliveryAuth.safeParse(smart).success).toBe(true);
    expect(ScheduleAuth.safeParse(smart).success).toBe(false);
  });
});
