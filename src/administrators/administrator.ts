import type { Selectable } from 'kysely'
import type { Locale } from '../i18n/translate.js'
import { optionalNumber, parseStoredObject } from '../store/columns.js'
import type { AdministratorsTable } from '../store/tables.js'
import type { KeptAdministratorFields } from './kept-fields.js'

/** An administrator as stored, with its secrets (password hash, TOTP); never shown to anyone. */
export interface AdministratorRecord {
  readonly id: number
  readonly username: string
  readonly passwordHash: string
  readonly fullName: string
  readonly description: string
  readonly roleId: number
  readonly locale: Locale
  readonly timeZone: string
  readonly timeFormat: '12' | '24'
  readonly active: boolean
  readonly emailAddress: string
  readonly created: number
  readonly lastSignIn: number | undefined
  readonly lastPasswordChange: number | undefined
  readonly unlockTime: number | undefined
  readonly unsuccessfulSignInAttempts: number
  readonly passwordNeverExpires: boolean
  readonly mfaType: 'none' | 'local-totp'
  readonly totpSecret: string | undefined
  readonly totpPendingSecret: string | undefined
  readonly totpLastStep: number | undefined
  /** SHA-256 hashes (hex) of the unused recovery codes. */
  readonly recoveryCodeHashes: readonly string[]
  /** The model API's fields that have no effect in Keyward, as sent. */
  readonly kept: KeptAdministratorFields
}

/** Maps a stored row to the record services work with. */
export function toAdministratorRecord(row: Selectable<AdministratorsTable>): AdministratorRecord {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    fullName: row.full_name,
    description: row.description,
    roleId: row.role_id,
    locale: row.locale as Locale,
    timeZone: row.time_zone,
    timeFormat: row.time_format as '12' | '24',
    active: row.active === 1,
    emailAddress: row.email_address,
    created: Number(row.created),
    lastSignIn: optionalNumber(row.last_sign_in),
    lastPasswordChange: optionalNumber(row.last_password_change),
    unlockTime: optionalNumber(row.unlock_time),
    unsuccessfulSignInAttempts: row.unsuccessful_sign_in_attempts,
    passwordNeverExpires: row.password_never_expires === 1,
    mfaType: row.mfa_type as 'none' | 'local-totp',
    totpSecret: row.totp_secret ?? undefined,
    totpPendingSecret: row.totp_pending_secret ?? undefined,
    totpLastStep: optionalNumber(row.totp_last_step),
    recoveryCodeHashes: JSON.parse(row.recovery_codes) as string[],
    kept: parseStoredObject<KeptAdministratorFields>(row.kept),
  }
}
