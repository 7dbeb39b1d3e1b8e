/** The settings.* methods. */
import { SettingsSchema, UpdateSettingsInputSchema } from './auth';
import { ADMIN, ANY_ROLE, Empty, method } from './method-spec';

export const SETTINGS_METHODS = {
  'settings.get': method({
    summary: 'The clinic settings: idle lock time, INR threshold, time zone.',
    writes: false,
    access: ANY_ROLE,
    audit: 'none',
    input: Empty,
    output: SettingsSchema,
  }),
  'settings.update': method({
    summary: 'Change clinic settings (administrator).',
    writes: true,
    access: ADMIN,
    audit: 'self',
    input: UpdateSettingsInputSchema,
    output: SettingsSchema,
  }),
} as const;
