import { DateTime } from 'luxon'
import { Type } from 'typebox'
import { KeywardError } from '../errors/keyward-error.js'

/** The latest instant JavaScript dates (and Luxon) can hold. */
export const MAX_EPOCH_MS = 8_640_000_000_000_000

/**
 * A date-time a client sends: milliseconds since the epoch, or an ISO 8601 string. A string
 * without an offset is read in the caller's time zone.
 */
export const DateTimeInputSchema = Type.Union(
  [
    Type.Integer({ minimum: 0, maximum: MAX_EPOCH_MS, description: 'Milliseconds since the epoch.' }),
    Type.String({
      maxLength: 64,
      description: "ISO 8601 date-time (2027-03-31T18:00, 2027-03-31T18:00:00Z) or date (2027-03-31); without an offset it is read in the caller's time zone.",
    }),
  ],
  { description: 'Milliseconds since the epoch, or an ISO 8601 string.' },
)

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

export interface DateTimeContext {
  /** JSON name of the field, for the error message. */
  readonly field: string
  /** Time zone of the caller: strings without an offset are read in it. */
  readonly callerTimeZone: string
  /** When set, a date alone means the end of that day in this zone (e.g. a key's expiry). */
  readonly endOfDayTimeZone?: string
}

/**
 * Turns a date-time input into epoch milliseconds.
 *
 * ### Examples
 * ```ts
 * toEpochMs('2027-03-31', { field: 'expiryDate', callerTimeZone: 'UTC', endOfDayTimeZone: 'Asia/Tokyo' })
 * // → 2027-03-31T23:59:59.999+09:00
 * ```
 *
 * @throws KeywardError `request.date_time_invalid` naming the field.
 */
export function toEpochMs(value: number | string, context: DateTimeContext): number {
  if (typeof value === 'number') return value
  const text = value.trim()
  if (/^\d{1,16}$/.test(text)) return checkRange(Number(text), value, context)
  let parsed: DateTime
  if (DATE_ONLY.test(text)) {
    parsed = DateTime.fromISO(text, { zone: context.endOfDayTimeZone ?? context.callerTimeZone })
    if (context.endOfDayTimeZone !== undefined) parsed = parsed.endOf('day')
  } else {
    parsed = DateTime.fromISO(text, { zone: context.callerTimeZone })
  }
  if (!parsed.isValid) throw new KeywardError('request.date_time_invalid', { field: context.field, value })
  return checkRange(parsed.toMillis(), value, context)
}

function checkRange(ms: number, value: string, context: DateTimeContext): number {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms > MAX_EPOCH_MS) throw new KeywardError('request.date_time_invalid', { field: context.field, value })
  return ms
}
