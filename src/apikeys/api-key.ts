import type { Selectable } from 'kysely'
import type { Locale } from '../i18n/translate.js'
import { limitsFromRow, type KeyLimits } from '../limits/stored-limits.js'
import { optional, optionalNumber, parseStoredList } from '../store/columns.js'
import type { ApiKeysTable } from '../store/tables.js'
import { type API_KEY_SETTINGS, SETTING_ENTRIES, type ApiKeySettings, type KeyMeta, type SettingCodec } from './key-settings.js'

export type { KeyMeta }

/** An API key as stored, including the hash of its secret (never shown to anyone). */
export interface ApiKeyRecord extends KeyLimits, ApiKeySettings {
  readonly id: number
  readonly keyName: string
  readonly description: string
  readonly locale: Locale
  readonly roleId: number
  readonly timeZone: string
  readonly active: boolean
  readonly created: number
  readonly lastSignIn: number | undefined
  readonly lastSignInAddress: string | undefined
  readonly unlockTime: number | undefined
  readonly unsuccessfulSignInAttempts: number
  readonly expiryDate: number | undefined
  readonly serviceAccount: boolean
  readonly createdByAdministratorId: number | undefined
  readonly createdByApiKeyId: number | undefined
  readonly secretHash: string
}

/**
 * The column of each property a write may change: the store's insert and update and the audit
 * log's entries read this one map, so a property stored in a column of its own is added here, in
 * the record and in {@link toApiKeyRecord}, and nowhere else in the store (a setting is added
 * in `key-settings.ts` alone).
 */
export const API_KEY_COLUMNS = {
  keyName: 'key_name',
  description: 'description',
  locale: 'locale',
  roleId: 'role_id',
  timeZone: 'time_zone',
  active: 'active',
  expiryDate: 'expiry_date',
  unlockTime: 'unlock_time',
  unsuccessfulSignInAttempts: 'unsuccessful_sign_in_attempts',
  ...(Object.fromEntries(SETTING_ENTRIES.map(({ property, column }) => [property, column])) as SettingColumnMap),
} as const satisfies StoredColumns

type SettingColumnMap = { readonly [K in keyof typeof API_KEY_SETTINGS]: (typeof API_KEY_SETTINGS)[K]['column'] }

/** The columns set once, when a key is made. */
export const API_KEY_CREATION_COLUMNS = {
  created: 'created',
  createdByAdministratorId: 'created_by_administrator_id',
  createdByApiKeyId: 'created_by_api_key_id',
} as const satisfies StoredColumns

type StoredColumns = { readonly [K in keyof ApiKeyRecord]?: keyof ApiKeysTable & string }

/** The API's names of the properties whose names differ in the model (the API spells IDs `ID`). */
export const API_KEY_API_NAMES: { readonly [K in keyof ApiKeyRecord]?: string } = {
  roleId: 'roleID',
  ...Object.fromEntries(SETTING_ENTRIES.filter(({ property, apiName }) => apiName !== property).map(({ property, apiName }) => [property, apiName])),
}

/** Reads a setting's column, by codec. */
const READ_SETTING: { readonly [C in SettingCodec]: (value: string | null) => unknown } = {
  list: (value) => parseStoredList(value ?? '[]'),
  object: (value) => (value === null ? undefined : (JSON.parse(value) as KeyMeta)),
  text: optional,
}

/** Maps a stored row to the record services work with. */
export function toApiKeyRecord(row: Selectable<ApiKeysTable>): ApiKeyRecord {
  const record: Omit<ApiKeyRecord, keyof ApiKeySettings> = {
    id: row.id,
    keyName: row.key_name,
    description: row.description,
    locale: row.locale as Locale,
    roleId: row.role_id,
    timeZone: row.time_zone,
    active: row.active === 1,
    created: Number(row.created),
    lastSignIn: optionalNumber(row.last_sign_in),
    lastSignInAddress: optional(row.last_sign_in_address),
    unlockTime: optionalNumber(row.unlock_time),
    unsuccessfulSignInAttempts: row.unsuccessful_sign_in_attempts,
    expiryDate: optionalNumber(row.expiry_date),
    serviceAccount: row.service_account === 1,
    createdByAdministratorId: optional(row.created_by_administrator_id),
    createdByApiKeyId: optional(row.created_by_api_key_id),
    secretHash: row.secret_hash,
    ...limitsFromRow(row),
  }
  // Set on the record itself: spreading a second object of settings cost up to a microsecond a row.
  for (const { property, column, codec } of SETTING_ENTRIES) (record as Record<string, unknown>)[property] = READ_SETTING[codec](row[column])
  return record as ApiKeyRecord
}
