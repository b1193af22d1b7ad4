/**
 * The settings of keys that protect the operator's own services, declared once: the record's
 * properties, the stored columns, the row type's columns, the audit names, the service's
 * defaults and the CLI's options are all derived from {@link API_KEY_SETTINGS}. A plain setting
 * (a list, an object or a text, stored in a column of its own) is added here, in the schema,
 * in a migration and in the console form. Imports nothing, so `store/tables.ts` can use it.
 *
 * @module
 */
import type { Generated } from 'kysely'

/** A key's `meta`: a JSON object the operator attaches, returned on verification. */
export type KeyMeta = Readonly<Record<string, unknown>>

/** How each kind of setting is held: in the record, and in its column. */
interface Codecs {
  /** A JSON array of strings, never null; an unset list is empty. */
  list: { record: readonly string[]; column: Generated<string> }
  /** A JSON object, or null for none. */
  object: { record: KeyMeta | undefined; column: string | null }
  /** Text, or null for none. */
  text: { record: string | undefined; column: string | null }
}

export type SettingCodec = keyof Codecs

interface SettingSpec {
  readonly column: string
  readonly codec: SettingCodec
  /** The API's name, where it differs (the API spells IDs `ID`). */
  readonly apiName?: string
}

/** Every setting: its column and codec. Unset, a list is empty and the others are absent. */
export const API_KEY_SETTINGS = {
  /** Application permissions held directly (beside the role's), sorted. */
  permissions: { column: 'permissions', codec: 'list' },
  meta: { column: 'meta', codec: 'object' },
  externalId: { column: 'external_id', codec: 'text', apiName: 'externalID' },
  /** Addresses and CIDR ranges the key may be used from; empty for any. */
  ipAllowList: { column: 'ip_allow_list', codec: 'list' },
  /** Labels operators group keys by. */
  tags: { column: 'tags', codec: 'list' },
} as const satisfies Record<string, SettingSpec>

type Settings = typeof API_KEY_SETTINGS

export type ApiKeySettingName = keyof Settings

/** The settings as the record holds them. */
export type ApiKeySettings = { readonly [K in ApiKeySettingName]: Codecs[Settings[K]['codec']]['record'] }

/** The settings' columns of the `api_keys` row. */
export type ApiKeySettingColumns = { [K in ApiKeySettingName as Settings[K]['column']]: Codecs[Settings[K]['codec']]['column'] }

/** Each setting's name, column, codec and API name, in declaration order. */
export const SETTING_ENTRIES = Object.entries(API_KEY_SETTINGS).map(([property, spec]: [string, SettingSpec]) => ({
  property: property as ApiKeySettingName,
  column: spec.column as keyof ApiKeySettingColumns,
  codec: spec.codec,
  apiName: spec.apiName ?? property,
}))
