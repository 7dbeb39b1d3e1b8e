/**
 * The one date-time field: clinic wall-clock time typed as YYYY-MM-DD HH:MM ("T" between is
 * read too), shown the same in placeholder, hint and error. The form reads it with
 * localInputToInstant(value, the session's zone), never the browser's zone.
 */
import { DATE_TIME_FORMAT } from '#shared/domain/field-format';
import { FormatField, type FieldProps } from './DateField';

/** Says what a date-time field wants, in the format it shows. */
export const dateTimeError = (what = 'the date and time') => `Enter ${what} as ${DATE_TIME_FORMAT} (24-hour clinic time), e.g. 2026-12-04 08:30.`;

export function DateTimeField({ timeZone, ...props }: FieldProps & { timeZone?: string }) {
  const hint = `${DATE_TIME_FORMAT}, 24-hour${timeZone ? `, clinic time (${timeZone})` : ', clinic time'}`;
  return <FormatField {...props} format={DATE_TIME_FORMAT} hint={hint} />;
}
