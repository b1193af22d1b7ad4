/**
 * Schemas shared by every resource: IDs, timestamps, languages, time zones and the error body.
 *
 * @module
 */
import { Type } from 'typebox'
import { LOCALES } from '../i18n/translate.js'

export const INT32_MAX = 2_147_483_647

/** A database ID in a path or body. */
export const IdSchema = (description: string) => Type.Integer({ minimum: 1, maximum: INT32_MAX, description })

/** A server-set time in a response, in epoch milliseconds. */
export const TimestampSchema = (description: string) => Type.Integer({ description, readOnly: true })

export const LocaleSchema = (description: string) => Type.Enum(LOCALES, { description })

/** An IANA time zone name; the `time-zone` format is checked by `http/validation.ts`. */
export const TimeZoneSchema = (description: string) =>
  Type.String({ format: 'time-zone', maxLength: 64, description: `${description} An IANA time zone name, e.g. America/New_York.` })

/** A name shown on one line: no tabs, line breaks or other control characters (`http/validation.ts`). */
export const SINGLE_LINE = { format: 'single-line' } as const

/** A name that tells its holder apart: no controls, invisible or bidirectional characters, nor a word mixing scripts (`auth/name-key.ts`). */
export const NAME = { format: 'name' } as const

/** The body of every error response, in the model API's dialect plus a stable code. */
export const ErrorSchema = Type.Object(
  {
    message: Type.String({ description: "What went wrong, in the language of the caller's key or administrator (else Accept-Language)." }),
    code: Type.String({ description: 'Stable machine-readable code, e.g. apikey.not_found.' }),
  },
  { description: 'An error.' },
)
