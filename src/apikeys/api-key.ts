import type { Selectable } from 'kysely'
import type { Locale } from '../i18n/translate.js'
import { limitsFromRow, type KeyLimits } from '../limits/stored-limits.js'
import { optional, optionalNumber, parseStoredList } from '../store/columns.js'
import type { ApiKeysTable } from '../store/tables.js'

/** An API key as stored, including the hash of its secret (never shown to anyone). */
export interface ApiKeyRecord extends KeyLimits {
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
  /** Application permissions held directly (beside the role's), sorted. */
  readonly permissions: readonly string[]
  readonly meta: KeyMeta | undefined
  readonly externalId: string | undefined
  /** Addresses and CIDR ranges the key may be used from; empty for any. */
  readonly ipAllowList: readonly string[]
}

/** A key's `meta`: a JSON object the operator attaches, returned on verification. */
export type KeyMeta = Readonly<Record<string, unknown>>

/**
 * The column of each property a write may change: the store's insert and update and the audit
 * log's entries read this one map, so a property stored in a column of its own is added here, in
 * the record and in {@link toApiKeyRecord}, and nowhere else in the store.
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
  permissions: 'permissions',
  meta: 'meta',
  externalId: 'external_id',
  ipAllowList: 'ip_allow_list',
} as const satisfies StoredColumns

/** The columns set once, when a key is made. */
export const API_KEY_CREATION_COLUMNS = {
  created: 'created',
  createdByAdministratorId: 'created_by_administrator_id',
  createdByApiKeyId: 'created_by_api_key_id',
} as const satisfies StoredColumns

type StoredColumns = { readonly [K in keyof ApiKeyRecord]?: keyof ApiKeysTable & string }

/** The API's names of the properties whose names differ in the model (the API spells IDs `ID`). */
export const API_KEY_API_NAMES: { readonly [K in keyof ApiKeyRecord]?: string } = { roleId: 'roleID', externalId: 'externalID' }

/** Maps a stored row to the record services work with. */
export function toApiKeyRecord(row: Selectable<ApiKeysTable>): ApiKeyRecord {
  return {
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
    permissions: parseStoredList(row.permissions),
    meta: row.meta === null ? undefined : (JSON.parse(row.meta) as KeyMeta),
    externalId: optional(row.external_id),
    ipAllowList: parseStoredList(row.ip_allow_list),
  }
}
