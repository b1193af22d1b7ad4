import { auditRecord, diffFields, type AuditDraft } from '../audit/audit-record.js'
import { authorize } from '../auth/operations.js'
import type { ApiKeyPrincipal, Principal } from '../auth/principal.js'
import { createSecret, hashSecret } from '../auth/secret-format.js'
import { KeywardError } from '../errors/keyward-error.js'
import type { Locale } from '../i18n/translate.js'
import { assertLimitsWithinOwn, checkLimits, limitChanges } from '../limits/rules.js'
import type { RateLimit } from '../limits/schema.js'
import { mergePermissions } from '../permissions/permission.js'
import { assertManages, assertPermissionsWithinOwn, assignableRole } from '../roles/escalation.js'
import type { RoleDirectory } from '../roles/role-directory.js'
import type { SearchFilter, SearchResult } from '../search/schema.js'
import type { Clock } from '../time/clock.js'
import { toEpochMs } from '../time/date-time-input.js'
import type { ApiKeyCreateInput, ApiKeyCurrentModifyInput, ApiKeyModifyInput } from './schema.js'
import { META_MAX_BYTES } from './setting-limits.js'
import type { ApiKeyChanges, ApiKeyStore, SecretMaker } from './store.js'
import { API_KEY_API_NAMES, API_KEY_COLUMNS, type ApiKeyRecord } from './api-key.js'
import { SETTING_ENTRIES, type ApiKeySettingName } from './key-settings.js'

/** The settings of keys that protect the operator's own services (`key-settings.ts`), as a write changes them. */
type Settings = Pick<ApiKeyChanges, ApiKeySettingName>

export interface ApiKeyWithSecret {
  readonly record: ApiKeyRecord
  /** Shown once, in this response; only its hash is stored. */
  readonly secret: string
}

const makeSecret: SecretMaker = (id) => {
  const secret = createSecret(id)
  return { secret, hash: hashSecret(secret) }
}

/**
 * The rules of API keys: rights, the equal-or-lesser rule, expiry, lock-out and what a key may
 * change on itself. Knows no HTTP; every method takes the acting principal.
 */
export class ApiKeyService {
  readonly #store: ApiKeyStore
  readonly #roles: RoleDirectory
  readonly #clock: Clock
  readonly #defaultRateLimits: readonly RateLimit[] | undefined
  readonly #listPageSize: number

  /**
   * `defaultRateLimits`: what a key created through the API gets unless it says otherwise;
   * `listPageSize`: how many keys a list reads at once.
   */
  constructor(deps: { store: ApiKeyStore; roles: RoleDirectory; clock: Clock; defaultRateLimits?: readonly RateLimit[]; listPageSize: number }) {
    this.#store = deps.store
    this.#roles = deps.roles
    this.#clock = deps.clock
    this.#defaultRateLimits = deps.defaultRateLimits
    this.#listPageSize = deps.listPageSize
  }

  /**
   * Creates an API key and its secret. Language and time zone default to the creator's.
   *
   * @throws KeywardError `apikey.create_denied`, `apikey.role_not_found`,
   * `role.rights_exceed_own`, `permission.exceeds_own`, `apikey.meta_too_large`,
   * `apikey.expiry_in_past`, `apikey.name_in_use`, `request.date_time_invalid`, `limits.*`.
   */
  async create(principal: Principal, input: ApiKeyCreateInput): Promise<ApiKeyWithSecret> {
    authorize(principal, 'createApiKey')
    checkLimits(input.rateLimits, input.credits)
    // The CLI (bootstrap and recovery) makes keys that nothing throttles, unless it says so.
    const limits = limitChanges(
      { rateLimits: undefined, credits: undefined },
      {
        rateLimits: input.rateLimits ?? (principal.kind === 'system' ? undefined : this.#defaultRateLimits),
        credits: input.credits,
      },
    )
    assertLimitsWithinOwn(principal, limits.rateLimits ?? [], limits.credits ?? null)
    const role = await assignableRole(this.#roles, principal, input.roleID, 'apikey.role_not_found')
    const timeZone = input.timeZone ?? principal.timeZone
    const now = this.#clock()
    const expiryDate = this.#expiryOf(input.expiryDate, principal, timeZone)
    if (expiryDate !== null && expiryDate <= now) throw new KeywardError('apikey.expiry_in_past')
    const settings = settingsOf(principal, input)
    const key = {
      keyName: nameOf(input.keyName),
      description: input.description ?? '',
      locale: input.locale ?? principal.locale,
      roleId: role.id,
      timeZone,
      active: input.active ?? true,
      expiryDate: expiryDate ?? undefined,
      rateLimits: limits.rateLimits,
      credits: limits.credits ?? undefined,
      ...withDefaults(settings),
    }
    const audit = auditRecord(
      principal,
      { action: 'apikey.create', ...this.#auditTarget(key.keyName), changes: diffFields(UNSET_SETTINGS, fieldsOf(key)) },
      now,
    )
    return this.#store.insert(
      {
        ...key,
        created: now,
        createdByAdministratorId: principal.kind === 'session' ? principal.id : undefined,
        createdByApiKeyId: principal.kind === 'apikey' ? principal.id : undefined,
      },
      makeSecret,
      audit,
    )
  }

  /**
   * Every API key, by ID, a page at a time, so that a million keys are never all in memory
   * nor serialised in one go.
   *
   * @throws KeywardError `apikey.view_denied`, before the first page.
   */
  list(principal: Principal): AsyncGenerator<ApiKeyRecord[]> {
    authorize(principal, 'listApiKeys')
    return this.#pages()
  }

  /** Every key, by ID, read a page after the last ID seen: keys made meanwhile may show, none twice. */
  async *#pages(): AsyncGenerator<ApiKeyRecord[]> {
    const maxItems = this.#listPageSize
    for (let after = 0; ; ) {
      const { items: page } = await this.#store.search({ maxItems, sortByObjectID: true, searchCriteria: [{ idTest: 'greater-than', idValue: after }] })
      if (page.length > 0) yield page
      if (page.length < maxItems) return
      after = page[page.length - 1]!.id
    }
  }

  /** @throws KeywardError `apikey.view_denied`, `search.*`. */
  async search(principal: Principal, filter: SearchFilter): Promise<SearchResult<ApiKeyRecord>> {
    authorize(principal, 'searchApiKeys')
    return this.#store.search(filter)
  }

  /** @throws KeywardError `apikey.view_denied`, `apikey.not_found`. */
  async describe(principal: Principal, id: number): Promise<ApiKeyRecord> {
    authorize(principal, 'describeApiKey')
    return this.#existing(id)
  }

  /**
   * Changes an API key; properties left out stay as they are. `active: false` locks the key
   * out until someone unlocks it; `active: true` unlocks it and clears its failure count.
   *
   * @throws KeywardError `apikey.modify_denied`, `apikey.not_found`, `role.rights_exceed_own`,
   * `permission.exceeds_own`, `apikey.meta_too_large`, `apikey.role_not_found`,
   * `apikey.expiry_in_past`, `apikey.name_in_use`, `limits.*`.
   */
  async modify(principal: Principal, id: number, input: ApiKeyModifyInput): Promise<ApiKeyRecord> {
    authorize(principal, 'modifyApiKey')
    checkLimits(input.rateLimits, input.credits)
    const existing = await this.#existing(id)
    await assertManages(this.#roles, principal, existing)
    const limits = limitChanges(existing, input)
    assertLimitsWithinOwn(principal, limits.rateLimits, limits.credits)
    const changes: ApiKeyChanges = { ...this.#changesOf(existing, input), ...limits, ...changedSettings(existing, settingsOf(principal, input)) }
    if (input.roleID !== undefined && input.roleID !== existing.roleId)
      changes.roleId = (await assignableRole(this.#roles, principal, input.roleID, 'apikey.role_not_found')).id
    // Locking a key that is locked automatically makes the lock-out permanent (no unlockTime).
    if (input.active === false && (existing.active || existing.unlockTime !== undefined)) Object.assign(changes, { active: false, unlockTime: null })
    if (input.active === true && !existing.active) Object.assign(changes, { active: true, unlockTime: null, unsuccessfulSignInAttempts: 0 })
    if (input.expiryDate !== undefined) {
      const expiryDate = this.#expiryOf(input.expiryDate, principal, changes.timeZone ?? existing.timeZone)
      if (expiryDate !== (existing.expiryDate ?? null)) {
        if (expiryDate !== null && expiryDate <= this.#clock()) throw new KeywardError('apikey.expiry_in_past')
        changes.expiryDate = expiryDate
      }
    }
    return this.#updated(principal, existing, changes)
  }

  /** @throws KeywardError `apikey.delete_denied`, `apikey.not_found`, `role.rights_exceed_own`. */
  async delete(principal: Principal, id: number): Promise<ApiKeyRecord> {
    authorize(principal, 'deleteApiKey')
    const existing = await this.#existing(id)
    await assertManages(this.#roles, principal, existing)
    const deleted = await this.#store.delete(id, this.#audit(principal, { action: 'apikey.delete', ...this.#auditTarget(existing.keyName, id) }))
    if (!deleted) throw new KeywardError('apikey.not_found')
    return deleted
  }

  /**
   * Gives an API key a new secret; the old one stops working at once. ID and settings stay.
   *
   * @throws KeywardError `apikey.secret_denied`, `apikey.not_found`, `role.rights_exceed_own`.
   */
  async newSecret(principal: Principal, id: number): Promise<ApiKeyWithSecret> {
    authorize(principal, 'replaceApiSecretKey')
    const existing = await this.#existing(id)
    await assertManages(this.#roles, principal, existing)
    return this.#replaceSecret(principal, existing)
  }

  /**
   * The API key that authenticates the request, whatever its role.
   *
   * @throws KeywardError `apikey.current_needs_key` when the principal is not an API key.
   */
  describeCurrent(principal: Principal): { record: ApiKeyRecord; lastSignIn: number | undefined; lastSignInAddress: string | undefined } {
    const key = keyPrincipal(principal)
    // This request is the key's latest sign-in, whether or not it has been written yet.
    return { record: key.apiKey, lastSignIn: key.signedInAt, lastSignInAddress: key.address }
  }

  /**
   * Changes the name, description, language or time zone of the API key that authenticates
   * the request. Its role, lock state and expiry may be sent back unchanged, never changed.
   *
   * @throws KeywardError `apikey.current_needs_key`, `apikey.current_field_denied`,
   * `apikey.name_in_use`.
   */
  async modifyCurrent(principal: Principal, input: ApiKeyCurrentModifyInput): Promise<ApiKeyRecord> {
    const current = keyPrincipal(principal).apiKey
    if (input.roleID !== undefined && input.roleID !== current.roleId) throw new KeywardError('apikey.current_field_denied', { field: 'roleID' })
    if (input.active !== undefined && input.active !== current.active) throw new KeywardError('apikey.current_field_denied', { field: 'active' })
    if (input.expiryDate !== undefined && this.#expiryOf(input.expiryDate, principal, current.timeZone) !== (current.expiryDate ?? null)) {
      throw new KeywardError('apikey.current_field_denied', { field: 'expiryDate' })
    }
    // A key may not loosen its own limits.
    for (const field of Object.keys(limitChanges(current, input))) throw new KeywardError('apikey.current_field_denied', { field })
    for (const property of Object.keys(changedSettings(current, settingsOf(principal, input))) as (keyof Settings)[]) {
      throw new KeywardError('apikey.current_field_denied', { field: apiName(property) })
    }
    return this.#updated(principal, current, this.#changesOf(current, input))
  }

  /** @throws KeywardError `apikey.current_needs_key`. */
  async newCurrentSecret(principal: Principal): Promise<ApiKeyWithSecret> {
    return this.#replaceSecret(principal, keyPrincipal(principal).apiKey)
  }

  /** The changes to the properties any editor may make: name, description, language, zone. */
  #changesOf(existing: ApiKeyRecord, input: ApiKeyModifyInput): ApiKeyChanges {
    const changes: ApiKeyChanges = {}
    if (input.keyName !== undefined && nameOf(input.keyName) !== existing.keyName) changes.keyName = nameOf(input.keyName)
    if (input.description !== undefined && input.description !== existing.description) changes.description = input.description
    if (input.locale !== undefined && input.locale !== existing.locale) changes.locale = input.locale as Locale
    if (input.timeZone !== undefined && input.timeZone !== existing.timeZone) changes.timeZone = input.timeZone
    return changes
  }

  /** Applies changes, audited as a lock, an unlock or a modification. */
  async #updated(principal: Principal, existing: ApiKeyRecord, changes: ApiKeyChanges): Promise<ApiKeyRecord> {
    const action = changes.active === false ? 'apikey.lock' : changes.active === true ? 'apikey.unlock' : 'apikey.modify'
    const audit = this.#audit(principal, {
      action,
      ...this.#auditTarget(changes.keyName ?? existing.keyName, existing.id),
      changes: diffFields(fieldsOf(existing), fieldsOf(changes)),
    })
    const record = await this.#store.update(existing.id, changes, audit)
    if (!record) throw new KeywardError('apikey.not_found')
    return record
  }

  async #replaceSecret(principal: Principal, existing: ApiKeyRecord): Promise<ApiKeyWithSecret> {
    const audit = this.#audit(principal, { action: 'apikey.new_secret', ...this.#auditTarget(existing.keyName, existing.id), changes: { secretKey: {} } })
    const result = await this.#store.replaceSecret(existing.id, makeSecret, audit)
    if (!result) throw new KeywardError('apikey.not_found')
    return result
  }

  #audit(principal: Principal, draft: AuditDraft) {
    return auditRecord(principal, draft, this.#clock())
  }

  #auditTarget(keyName: string, id?: number) {
    return { resourceType: 'apikey' as const, resourceId: id, resourceName: keyName }
  }

  async #existing(id: number): Promise<ApiKeyRecord> {
    const record = await this.#store.findById(id)
    if (!record) throw new KeywardError('apikey.not_found')
    return record
  }

  /** An expiry input as epoch ms, or null for none (`null` and `0`, as in the model API). */
  #expiryOf(value: number | string | null | undefined, principal: Principal, keyTimeZone: string): number | null {
    if (value === undefined || value === null || value === 0) return null
    return toEpochMs(value, { field: 'expiryDate', callerTimeZone: principal.timeZone, endOfDayTimeZone: keyTimeZone })
  }
}

/** A setting's value when a new key is given none: an empty list, or nothing. */
const settingDefault = (codec: string) => (codec === 'list' ? [] : undefined)

/** A new key's settings when none are sent: not worth an audit line. */
const UNSET_SETTINGS = Object.fromEntries(SETTING_ENTRIES.map(({ apiName, codec }) => [apiName, settingDefault(codec)]))

/** A new key's settings: those sent, and the defaults of the others. */
function withDefaults(settings: Settings): Pick<ApiKeyRecord, ApiKeySettingName> {
  const all: Record<string, unknown> = {}
  for (const { property, codec } of SETTING_ENTRIES) all[property] = settings[property] ?? settingDefault(codec)
  return all as Pick<ApiKeyRecord, ApiKeySettingName>
}

/** What a key's audit entries record: every property a write may change but the failure count, and the limits. */
const AUDITED: readonly (keyof ApiKeyChanges)[] = [
  ...Object.keys(API_KEY_COLUMNS).filter((property): property is keyof typeof API_KEY_COLUMNS => property !== 'unsuccessfulSignInAttempts'),
  'rateLimits',
  'credits',
]

/** The API names and values of a key's (changed) properties, for the audit log. */
function fieldsOf(key: { readonly [K in keyof ApiKeyChanges]?: unknown }): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const property of AUDITED) fields[apiName(property)] = key[property]
  return fields
}

/** A property's name in the API. */
const apiName = (property: keyof ApiKeyRecord) => API_KEY_API_NAMES[property] ?? property

/**
 * How a setting sent is normalised, where it is not the default: a list trimmed and without
 * repeats, anything else as sent. Permissions are also sorted, and must be within the
 * principal's own under the equal-or-lesser rule.
 */
const NORMALISE: { readonly [K in ApiKeySettingName]?: (value: NonNullable<Settings[K]>, principal: Principal) => Settings[K] } = {
  permissions: (permissions, principal) => {
    const merged = mergePermissions(permissions)
    assertPermissionsWithinOwn(principal, merged)
    return merged
  },
  meta: (meta) => {
    if (Buffer.byteLength(JSON.stringify(meta)) > META_MAX_BYTES) throw new KeywardError('apikey.meta_too_large', { limit: META_MAX_BYTES })
    return meta
  },
}

const normaliseByDefault = (value: unknown) => (Array.isArray(value) ? [...new Set(value.map((item: string) => item.trim()))] : value)

/**
 * The settings a request sends (by their API names), normalised; `null` clears one.
 *
 * @throws KeywardError `permission.exceeds_own`, `apikey.meta_too_large`.
 */
function settingsOf(principal: Principal, input: Readonly<Record<string, unknown>>): Settings {
  const settings: Record<string, unknown> = {}
  for (const { property, apiName } of SETTING_ENTRIES) {
    const value = input[apiName]
    if (value === undefined) continue
    const normalise = NORMALISE[property] as ((value: unknown, principal: Principal) => unknown) | undefined
    settings[property] = value === null ? null : normalise ? normalise(value, principal) : normaliseByDefault(value)
  }
  return settings as Settings
}

/** The settings that differ from a key's, compared by value (unset is `null`). */
function changedSettings(existing: ApiKeyRecord, settings: Settings): Settings {
  const changed: Record<string, unknown> = {}
  for (const [property, value] of Object.entries(settings) as [ApiKeySettingName, unknown][]) {
    if (JSON.stringify(value) !== JSON.stringify(existing[property] ?? null)) changed[property] = value
  }
  return changed as Settings
}

function nameOf(keyName: string): string {
  const name = keyName.trim()
  if (name === '') throw new KeywardError('request.field_too_short', { field: 'keyName', limit: 1 })
  return name
}

function keyPrincipal(principal: Principal): ApiKeyPrincipal {
  if (principal.kind !== 'apikey') throw new KeywardError('apikey.current_needs_key')
  return principal
}
