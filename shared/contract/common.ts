/** Schemas shared by several methods of the command contract. */
import { z } from 'zod';
import { longText, storedLine } from './text';
import { DATE_FORMAT_ERROR, DATE_TIME_FORMAT_ERROR } from '../domain/field-format';

export const RoleSchema = z.enum(['nurse', 'physician', 'admin', 'records']);
export type Role = z.infer<typeof RoleSchema>;

/**
 * Who acted, as stored on every record: the signed-in account's display name
 * (unique across accounts, so it names one person) and role. It always comes
 * from the session the transport carries, never from a request's payload.
 */
export const ActorSchema = z.strictObject({
  name: storedLine.pipe(z.string().trim().min(1, 'a display name is required').max(80)),
  role: RoleSchema,
});
export type Actor = z.infer<typeof ActorSchema>;

export const IdSchema = z.uuid({ error: 'must be a record id (UUID)' });

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date, YYYY-MM-DD, that exists. */
export const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, DATE_FORMAT_ERROR)
  .refine(isRealDate, 'is not a real calendar date');

/** An instant as stored: ISO 8601 UTC. A refusal names the format the date-time fields show. */
export const TimestampSchema = z.iso.datetime({ error: DATE_TIME_FORMAT_ERROR });

/** Free text a clinician types (text-area rules: text.ts), bounded so one field cannot flood a note. */
export const noteText = (field: string) => longText(field, { max: 4000 });
