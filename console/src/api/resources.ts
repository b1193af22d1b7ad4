/**
 * The shapes of Keyward's API resources as the console reads them: the types keyward-client
 * generates from the server's OpenAPI document (`npm run generate -w keyward-client`), so a
 * schema change reaches the console through tsc instead of a hand copy. Times are
 * milliseconds since the epoch; unset properties are left out.
 *
 * @module
 */
import type {
  CreateAdministratorRequest,
  CreateAdministratorRoleRequest,
  CreateApiKeyRequest,
  DescribeAdministratorResponse,
  DescribeAdministratorRoleResponse,
  DescribeApiKeyResponse,
  ListAuditEventsResponse,
  ModifyAdministratorRequest,
  ModifyAdministratorRoleRequest,
  ModifyApiKeyRequest,
  SearchApiKeysRequest,
} from '../../../packages/client/src/generated/api.js'

/** The model API marks every property of a resource optional; these the server always sends. */
type Sent<T, K extends keyof T> = T & Required<Pick<T, K>>

export type ApiKey = Sent<DescribeApiKeyResponse, 'ID' | 'keyName' | 'roleID' | 'locale' | 'timeZone' | 'active'>
/** At most `limit` (in cost) in any sliding window of `duration` ms. */
export type RateLimit = NonNullable<ApiKey['rateLimits']>[number]
/** A balance spent by verifications, refilled at midnight in the key's time zone. */
export type Credits = NonNullable<ApiKey['credits']>
/** What creating an API key sends. */
export type NewApiKey = CreateApiKeyRequest
/** What changing an API key sends: only the properties that change. */
export type ApiKeyChanges = ModifyApiKeyRequest

/** An administrator, with the fields of the model API kept without effect. */
export type Administrator = Sent<DescribeAdministratorResponse, 'ID' | 'username' | 'roleID' | 'locale' | 'timeZone' | 'timeFormat' | 'active'>
export type TimeFormat = Administrator['timeFormat']
export type NewAdministrator = CreateAdministratorRequest
export type AdministratorChanges = ModifyAdministratorRequest

export type Role = Sent<DescribeAdministratorRoleResponse, 'ID' | 'name'>
export type NewRole = CreateAdministratorRoleRequest
export type RoleChanges = ModifyAdministratorRoleRequest

/**
 * Rights grouped as in the model API: `platformRights.apikeyRights.canViewApiKeys`, …; groups
 * Keyward has no use for (`antiMalwareRights`, `platformRights.computerRights`, …) are kept.
 * Read by group name, hence the index signatures.
 */
export type RightsObject = { platformRights?: Record<string, Record<string, boolean> | undefined> } & Record<
  string,
  Record<string, Record<string, boolean> | undefined> | undefined
>

export type AuditEvent = ListAuditEventsResponse['auditEvents'][number]

export type SearchFilter = SearchApiKeysRequest
export type SearchCriterion = NonNullable<SearchFilter['searchCriteria']>[number]

/** The answer of `GET /api/session` (not in the OpenAPI document: the console's own). */
export interface Session {
  administrator: Administrator
  role: Role
  csrfToken: string
  expires: number
  idleTimeout: number
}
