/** The demo.* methods. */
import { z } from 'zod';
import { DateSchema } from './common';
import { CLINICAL, method } from './method-spec';

export const DEMO_METHODS = {
  'demo.seed': method({
    summary: 'Add sample patients with encounters today; only into an empty database (first run).',
    writes: true,
    access: CLINICAL,
    audit: 'self',
    input: z.strictObject({ today: DateSchema }),
    output: z.object({ added: z.boolean() }),
  }),
} as const;
