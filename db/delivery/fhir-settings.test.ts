// The FHIR channel's settings at the boundary (settings.update): each wrong one refused with
// nothing changed, a right one kept (the base URL without its trailing slash), and settings
// stored before the FHIR channel read as "no FHIR channel".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliverySettings } from '#shared/contract/delivery-settings';
import { ADMIN, ok, openTempCore, type TempCore } from '../testing/temp-core';

let core: TempCore;
beforeEach(() => {
  core = openTempCore();
});
afterEach(() => core.cleanup());

const DELIVERY = { folder: null, mllp: null, retryBaseSeconds: 30, retryCapSeconds: 600 };
const FHIR = { base: 'https://ehr.example.org/fhir/r4/', auth: { kind: 'none' }, timeoutSeconds: 30 };
const SMART = { kind: 'smart', clientId: 'pd', privateKeyFile: '/etc/proceduredesk/client.pem', algorithm: 'ES384', keyId: null, scope: 'system/DocumentReference.c' };
const delivery = async () => ok<{ delivery: DeliverySettings }>(await core.act('settings.get', { actor: ADMIN })).delivery;

describe('FHIR delivery settings', () => {
  it('refuses each wrong one and changes nothing', async () => {
    const bad = [
      { ...FHIR, base: 'ftp://ehr.example.org/fhir' },
      { ...FHIR, base: 'ehr.example.org/fhir' },
      { ...FHIR, base: 'https://ehr.example.org/fhir r4' },
      { ...FHIR, timeoutSeconds: 0 },
      { ...FHIR, auth: { kind: 'bearer', tokenFile: 'relative/token' } },
      { ...FHIR, auth: { kind: 'bearer', token: 'pasted-secret' } },
      { ...FHIR, auth: { kind: 'basic', user: 'a', password: 'b' } },
      { ...FHIR, auth: { ...SMART, algorithm: 'RS256' } },
      { ...FHIR, auth: { ...SMART, scope: 'system/*.cruds\nx' } },
      { ...FHIR, auth: { ...SMART, clientId: '' } },
    ];
    for (const fhir of bad) {
      expect(await core.act('settings.update', { actor: ADMIN, delivery: { ...DELIVERY, fhir } }), JSON.stringify(fhir)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect((await delivery()).fhir).toBeNull();
  });

  it('keeps a right one; a delivery setting stored before the FHIR channel has none', async () => {
    ok(await core.act('settings.update', { actor: ADMIN, delivery: { ...DELIVERY, fhir: { ...FHIR, auth: SMART } } }));
    expect((await delivery()).fhir).toEqual({ ...FHIR, base: 'https://ehr.example.org/fhir/r4', auth: SMART });
    core.db.prepare("UPDATE settings SET value_json = ? WHERE key = 'delivery'").run(JSON.stringify(DELIVERY));
    const reopened = openTempCore({ dataDir: core.dataDir });
    try {
      expect(ok<{ delivery: DeliverySettings }>(await reopened.act('settings.get', { actor: ADMIN })).delivery).toEqual({ ...DELIVERY, fhir: null });
    } finally {
      reopened.close();
    }
  });
});
