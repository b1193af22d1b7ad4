/**
 * The administrator resource: property schemas for validation, serialisation, types and
 * OpenAPI. `password` is write-only: accepted, never returned.
 *
 * @module
 */
import { Type, type Static } from 'typebox'
import { IdSchema, LocaleSchema, NAME, TimestampSchema, TimeZoneSchema } from '../http/schemas.js'
import { IGNORED_ADMINISTRATOR_SCHEMAS, KEPT_ADMINISTRATOR_SCHEMAS } from './kept-fields.js'
import { PASSWORD_MAX_LENGTH } from './password-policy.js'

const profile = {
  fullName: Type.String({ maxLength: 255, description: 'Full name of the administrator. Searchable as String.' }),
  description: Type.String({ maxLength: 2000, description: 'Description of the administrator. Searchable as String.' }),
  locale: LocaleSchema('Language of the console and messages for the administrator.'),
  timeZone: TimeZoneSchema('Time zone in which the console shows dates to the administrator. Searchable as String.'),
  timeFormat: Type.Enum(['12', '24'], { description: 'Clock the console uses: 12- or 24-hour. Searchable as Choice.' }),
  emailAddress: Type.String({
    maxLength: 320,
    format: 'email-address',
    description: 'Email address of the administrator (empty for none). Searchable as String.',
  }),
  ...KEPT_ADMINISTRATOR_SCHEMAS,
}

const writable = {
  username: Type.String({
    minLength: 1,
    maxLength: 255,
    pattern: '^\\S+$',
    ...NAME,
    description: 'Username to sign in with; unique whatever the case or compatibility form (ＡＤＭＩＮ is admin), no spaces. Searchable as String.',
  }),
  password: Type.String({
    minLength: 1,
    maxLength: PASSWORD_MAX_LENGTH,
    writeOnly: true,
    description: 'Password (write-only); checked against the password policy.',
  }),
  ...profile,
  roleID: IdSchema('ID of the role assigned to the administrator. Searchable as Numeric.'),
  active: Type.Boolean({ description: 'If false, the administrator is locked out (denied permission to sign in). Searchable as Boolean.' }),
  passwordNeverExpires: Type.Boolean({ description: 'Kept for compatibility; Keyward passwords do not expire. Searchable as Boolean.' }),
  mfaType: Type.Enum(['none', 'local-totp'], {
    description:
      'Second factor: local-totp once the administrator has enrolled an authenticator app. Setting none turns it off (e.g. for a lost phone). Searchable as Choice.',
  }),
}

const readOnly = {
  created: TimestampSchema('When the administrator was created, ms since epoch. Searchable as Date.'),
  lastSignIn: TimestampSchema('Last successful sign-in, ms since epoch. Searchable as Date.'),
  lastPasswordChange: TimestampSchema('Last password change, ms since epoch. Searchable as Date.'),
  unlockTime: TimestampSchema('When an automatically locked-out administrator will be unlocked, ms since epoch. Searchable as Date.'),
  unsuccessfulSignInAttempts: Type.Integer({ readOnly: true, description: 'Failed sign-ins since the last successful one. Searchable as Numeric.' }),
  ID: Type.Integer({ readOnly: true, description: 'ID of the administrator. Searchable as ID.' }),
}

const { reportPDFPassword, ...ignoredReadOnly } = IGNORED_ADMINISTRATOR_SCHEMAS
/** Accepted in every body, never returned. */
const ignored = Type.Partial(Type.Object({ reportPDFPassword, ...ignoredReadOnly })).properties
/** Re-authentication: what changing one's own password or second factor needs besides. */
const reauthentication = {
  currentPassword: Type.String({
    maxLength: PASSWORD_MAX_LENGTH,
    writeOnly: true,
    description: "The present password; required to change one's own password or second factor.",
  }),
  mfaCode: Type.String({
    maxLength: 64,
    writeOnly: true,
    description: 'A code from the authenticator app (or a recovery code); required with currentPassword when the second factor is on.',
  }),
}

const optionalReadOnly = Type.Partial(Type.Object(readOnly)).properties
const { password: _password, ...shown } = writable

/** An administrator as the API returns it (never its password). */
export const AdministratorSchema = Type.Partial(Type.Object({ ...shown, ...readOnly }), { description: 'An administrator.' })

export const AdministratorCreateSchema = Type.Object(
  {
    username: writable.username,
    password: writable.password,
    roleID: writable.roleID,
    ...Type.Partial(Type.Object({ ...profile, active: writable.active, passwordNeverExpires: writable.passwordNeverExpires, mfaType: writable.mfaType }))
      .properties,
    ...optionalReadOnly,
    ...ignored,
  },
  {
    additionalProperties: false,
    description: "A new administrator. username, password and roleID are required; locale, time zone and time format default to the creator's.",
  },
)

export const AdministratorModifySchema = Type.Partial(Type.Object({ ...writable, ...readOnly, ...ignored, ...reauthentication }), {
  additionalProperties: false,
  description:
    "Changes to an administrator; properties left out are unchanged, read-only ones ignored. A password here sets a new one (Set Password); active: true unlocks. Changing one's own password or mfaType needs currentPassword (and mfaCode when enrolled).",
})

/** What the signed-in administrator may change on itself (a Keyward extension). */
export const AdministratorCurrentModifySchema = Type.Partial(
  Type.Object({
    ...writable,
    ...readOnly,
    ...ignored,
    ...reauthentication,
  }),
  {
    additionalProperties: false,
    description:
      'Changes to the signed-in administrator: profile, language, time zone, time format and password (with currentPassword, and mfaCode when the second factor is on). username, roleID, active and mfaType are accepted only unchanged.',
  },
)

export const AdministratorListSchema = Type.Object({ administrators: Type.Array(AdministratorSchema) }, { description: 'Administrators.' })
export const AdministratorIdParamsSchema = Type.Object({ administratorID: IdSchema('ID of the administrator.') })

export type AdministratorBody = Static<typeof AdministratorSchema>
export type AdministratorCreateInput = Static<typeof AdministratorCreateSchema>
export type AdministratorModifyInput = Static<typeof AdministratorModifySchema>
export type AdministratorCurrentModifyInput = Static<typeof AdministratorCurrentModifySchema>
