import type { Generated } from 'kysely'
import type { ApiKeySettingColumns } from '../apikeys/key-settings.js'

/**
 * The database as Kysely sees it. Both engines store the same shapes: booleans as 0/1
 * integers (better-sqlite3 cannot bind booleans) and times as epoch milliseconds (`bigint` on
 * PostgreSQL, parsed to numbers by the pool; see `database.ts`).
 */
export interface Tables {
  roles: RolesTable
  api_keys: ApiKeysTable
  administrators: AdministratorsTable
  sessions: SessionsTable
  audit_events: AuditEventsTable
  changes: ChangesTable
  rate_limit_windows: RateLimitWindowsTable
  sign_in_failures: SignInFailuresTable
}

export type Flag = 0 | 1

export interface RolesTable {
  id: Generated<number>
  name: string
  description: string
  immutable: Flag
  can_only_manipulate_equal_or_lesser: Flag
  allow_user_interface: Flag
  allow_web_service: Flag
  /** JSON array of right names (`apikeyRights.canViewApiKeys`, …). */
  rights: string
  created: number
  /** JSON object of the model API's fields kept without effect (`kept-fields.ts`). */
  kept: Generated<string>
  /** JSON array of application permission slugs. */
  permissions: Generated<string>
}

/** A key's row; its settings' columns are declared in `apikeys/key-settings.ts`. */
export interface ApiKeysTable extends ApiKeySettingColumns {
  id: Generated<number>
  key_name: string
  /** `key_name` normalised (`auth/name-key.ts`), unique; null only before it is set. */
  key_name_key: string | null
  description: string
  locale: string
  role_id: number
  time_zone: string
  active: Flag
  created: number
  last_sign_in: number | null
  last_sign_in_address: string | null
  unlock_time: number | null
  unsuccessful_sign_in_attempts: Generated<number>
  expiry_date: number | null
  /** SHA-256 of the whole secret, hex. */
  secret_hash: string
  service_account: Flag
  created_by_administrator_id: number | null
  created_by_api_key_id: number | null
  /** JSON array of rate limits ({name, limit, duration}), or null for none. */
  rate_limits: string | null
  /** Credits left; null for unlimited. */
  credits_remaining: number | null
  credits_refill_interval: string | null
  credits_refill_amount: number | null
  credits_refill_day: number | null
  /** When the balance was last set or refilled. */
  credits_refilled_at: number | null
}

export interface AdministratorsTable {
  id: Generated<number>
  username: string
  /** `username` normalised (`auth/name-key.ts`), unique; null only before it is set. */
  username_key: string | null
  password_hash: string
  full_name: string
  description: string
  role_id: number
  locale: string
  time_zone: string
  time_format: string
  active: Flag
  email_address: string
  created: number
  last_sign_in: number | null
  last_password_change: number | null
  unlock_time: number | null
  unsuccessful_sign_in_attempts: Generated<number>
  password_never_expires: Flag
  mfa_type: string
  totp_secret: string | null
  totp_pending_secret: string | null
  totp_last_step: number | null
  /** JSON array of SHA-256 hashes (hex) of unused recovery codes. */
  recovery_codes: Generated<string>
  /** JSON object of the model API's fields kept without effect (`kept-fields.ts`). */
  kept: Generated<string>
}

export interface SessionsTable {
  token_hash: string
  administrator_id: number
  csrf_token: string
  created: number
  last_seen: number
  expires: number
  address: string | null
  user_agent: string | null
}

export interface AuditEventsTable {
  id: Generated<number>
  time: number
  actor_type: string
  actor_id: number | null
  actor_name: string
  action: string
  resource_type: string
  resource_id: number | null
  resource_name: string
  /** JSON object: field → { from, to } (never a secret or password). */
  changes: string
  address: string | null
}

/** Changes that affect authentication, for other processes on the same SQLite file. */
export interface ChangesTable {
  seq: Generated<number>
  resource: string
  entity_id: number
  origin: string
  created: number
}

/** Rate-limit counters every process shares (see `src/limits/rate-limiter.ts`). */
export interface RateLimitWindowsTable {
  api_key_id: number
  name: string
  duration: number
  window_start: number
  count: number
  granted: number
  expires: number
}

export interface SignInFailuresTable {
  username: string
  address: string
  failures: number
  locked_until: number | null
  last_failure: number
}
