/** The system.* methods. */
import { z } from 'zod';
import { Empty, method } from './method-spec';

export const SYSTEM_METHODS = {
  'system.info': method({
    summary: 'App version, schema version and where the data lives.',
    writes: false,
    access: 'public',
    audit: 'none',
    input: Empty,
    output: z.object({ appVersion: z.string(), schemaVersion: z.number().int(), dataDir: z.string() }),
  }),
} as const;
