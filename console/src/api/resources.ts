/**
 * The shapes of Keyward's API resources as the console reads them (see `/api/openapi.json`).
 * Times are milliseconds since the epoch; unset properties are left out.
 *
 * @module
 */
import type { Locale } from '../i18n/i18n.js'
import type { KeptAdministratorFields } from '../../../src/administrators/kept-fields.js'

export type TimeFormat = '12' | '24'

export interface ApiKey {
  ID: number
  keyName: string
  description?: string
  locale: Locale
  roleID: number
  timeZone: string
  active: boolean
  created?: number
  lastSignIn?: number
  lastSignInAddress?: string
  unlockTime?: number
  unsuccessfulSignInAttempts?: number
  expiryDate?: number
  rateLimits?: RateLimit[]
  credits?: Credits
  /** Application permissions held directly, beside the role's (sorted, no repeats). */
  permissions?: string[]
  meta?: Record<string, unknown>
  externalID?: string
  ipAllowList?: string[]
  /** Only in the answer to a create or a new secret: shown once, never kept. */
  secretKey?: string
}

/** At most `limit` (in cost) in any sliding window of `duration` ms. */
export interface RateLimit {
  name: string
  limit: number
  duration: number
}

/** A balance spent by verifications, refilled at midnight in the key's time zone. */
export interface Credits {
  remaining: number
  refill?: { interval: 'daily' | 'monthly'; amount: number; day?: number }
}

/** An administrator, with the fields of the model API kept without effect. */
export interface Administrator extends KeptAdministratorFields {
  ID: number
  username: string
  fullName?: string
  description?: string
  emailAddress?: string
  roleID: number
  locale: Locale
  timeZone: string
  timeFormat: TimeFormat
  active: boolean
  mfaType?: 'none' | 'local-totp'
  created?: number
  lastSignIn?: number
  lastPasswordChange?: number
  unlockTime?: number
  unsuccessfulSignInAttempts?: number
}

/**
 * Rights grouped as in the model API: `platformRights.apikeyRights.canViewApiKeys`, …; groups
 * Keyward has no use for (`antiMalwareRights`, `platformRights.computerRights`, …) are kept.
 */
export type RightsObject = { platformRights?: Record<string, Record<string, boolean> | undefined> } & Record<
  string,
  Record<string, Record<string, boolean> | undefined> | undefined
>

export interface Role {
  ID: number
  name: string
  description?: string
  immutable?: boolean
  canOnlyManipulateUsersWithEqualOrLesserRights?: boolean
  allowUserInterface?: boolean
  allowWebService?: boolean
  rights?: RightsObject
  /** Application permissions of every key of the role (Keyward extension). */
  permissions?: string[]
  /** Fields of the model API kept without effect; its kept rights are in `rights`. */
  allComputers?: boolean
  allPolicies?: boolean
  computerIDs?: number[]
  computerGroupIDs?: number[]
  policyIDs?: number[]
}

export interface AuditEvent {
  ID: number
  time: number
  actorType: 'administrator' | 'apikey' | 'system' | 'anonymous'
  actorID?: number
  actorName: string
  action: string
  resourceType: 'apikey' | 'role' | 'administrator' | 'session'
  resourceID?: number
  resourceName: string
  changes: Record<string, { from?: unknown; to?: unknown }>
  address?: string
}

export interface Session {
  administrator: Administrator
  role: Role
  csrfToken: string
  expires: number
  idleTimeout: number
}

export interface SearchCriterion {
  fieldName?: string
  stringValue?: string
  stringTest?: 'equal' | 'not-equal' | 'contains'
  stringWildcards?: boolean
  choiceValue?: string
  numericValue?: number
  booleanTest?: boolean
  firstDateValue?: number
  lastDateValue?: number
  idTest?: 'less-than' | 'greater-than' | 'equal'
  idValue?: number
}

export interface SearchFilter {
  maxItems?: number
  offset?: number
  sortField?: string
  sortDescending?: boolean
  countTotal?: boolean
  searchCriteria?: SearchCriterion[]
}
