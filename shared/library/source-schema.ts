/** A cited source (the team's sources and citing rules: shared/clinical/fact-reference.md). */
import { z } from 'zod';

export const SourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** Short human citation, e.g. "FDA Drug Safety Communication, 23 April 2014". */
  citation: z.string().min(1),
  /** Where it can be read; DOI or URL exactly as the fact base gives it. */
  url: z.string().min(1).optional(),
});
export type Source = z.infer<typeof SourceSchema>;
