/** Events the core pushes to the renderer over the transport's `on(event, listener)`. */
import { z } from 'zod';

export const EVENTS = {
  /** A write succeeded; views showing lists may refresh. */
  'data.changed': z.object({ method: z.string() }),
} as const;

export type EventName = keyof typeof EVENTS;
export type EventPayload<E extends EventName> = z.infer<(typeof EVENTS)[E]>;
