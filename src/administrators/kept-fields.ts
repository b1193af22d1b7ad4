/**
 * The fields of the model API's administrator that mean nothing in Keyward (phone numbers,
 * notification and report settings): accepted, kept as sent and returned, with no effect.
 *
 * @module
 */
import { Type } from 'typebox'
import { applyKept, kept } from '../http/kept-fields.js'

export interface KeptAdministratorFields {
  phoneNumber?: string
  mobileNumber?: string
  pagerNumber?: string
  primaryContact?: boolean
  receiveNotifications?: boolean
  reportPDFPasswordEnabled?: boolean
  UTCOffset?: string
}

const text = (description: string) => Type.String({ maxLength: 255, ...kept(description) })

export const KEPT_ADMINISTRATOR_SCHEMAS = {
  phoneNumber: text('Phone number of the administrator. Model API field.'),
  mobileNumber: text('Mobile number of the administrator. Model API field.'),
  pagerNumber: text('Pager number of the administrator. Model API field.'),
  primaryContact: Type.Boolean(kept('Whether the administrator is a primary contact of the account. Model API field.')),
  receiveNotifications: Type.Boolean(kept('Whether alert emails are sent to the administrator. Model API field.')),
  reportPDFPasswordEnabled: Type.Boolean(kept("Whether the administrator's reports are password-protected. Model API field.")),
  UTCOffset: text('UTC offset of the administrator, e.g. UTC+9.00; Keyward does not derive it from timeZone. Model API field.'),
}

/**
 * Fields of the model's administrator that Keyward accepts and ignores: set by the model's
 * server (directory, SAML, account type), or a report password Keyward has no use to store.
 */
export const IGNORED_ADMINISTRATOR_SCHEMAS = {
  reportPDFPassword: Type.String({
    maxLength: 255,
    writeOnly: true,
    description: 'Accepted and ignored: Keyward makes no reports, so neither stores nor returns it. Model API field.',
  }),
  directoryName: Type.String({ readOnly: true, description: 'Not used by Keyward (no directory sign-in). Model API field.' }),
  directoryInfo: Type.String({ readOnly: true, description: 'Not used by Keyward (no directory sign-in). Model API field.' }),
  external: Type.Boolean({ readOnly: true, description: 'Not used by Keyward (no SAML sign-in). Model API field.' }),
  externalUserID: Type.String({ readOnly: true, description: 'Not used by Keyward (no SAML sign-in). Model API field.' }),
  type: Type.Enum(['normal', 'temporary'], { readOnly: true, description: 'Not used by Keyward (every administrator is normal). Model API field.' }),
  readOnly: Type.Boolean({ readOnly: true, description: 'Not used by Keyward (a role says what an administrator may do). Model API field.' }),
}

const KEPT_FIELDS = Object.keys(KEPT_ADMINISTRATOR_SCHEMAS) as (keyof KeptAdministratorFields)[]

/** The kept fields after a create or modify body: a field sent replaces what was kept. */
export function applyKeptAdministratorFields(base: KeptAdministratorFields, input: Partial<Record<string, unknown>>): KeptAdministratorFields {
  return applyKept(KEPT_FIELDS, base, input)
}
