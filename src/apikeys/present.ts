import type { Role } from '../roles/role.js'
import { roleUrn } from '../roles/present.js'
import type { ApiKeyCurrentBody } from './schema.js'
import type { ApiKeyRecord } from './api-key.js'

/** What a response adds to the stored key: a new secret, a sign-in newer than the stored one, the role's URN. */
export interface ApiKeyExtras {
  readonly secretKey?: string
  readonly lastSignIn?: number
  readonly lastSignInAddress?: string
  readonly role?: Role
}

/**
 * An API key as the API shows it; unset properties are left out, the hash never shown. One
 * object literal: `/apikeys/current` is the hot path.
 */
export function toApiKeyBody(record: ApiKeyRecord, extras: ApiKeyExtras = {}): ApiKeyCurrentBody {
  return {
    keyName: record.keyName,
    description: record.description,
    locale: record.locale,
    roleID: record.roleId,
    timeZone: record.timeZone,
    active: record.active,
    created: record.created,
    lastSignIn: extras.lastSignIn ?? record.lastSignIn,
    unlockTime: record.unlockTime,
    unsuccessfulSignInAttempts: record.unsuccessfulSignInAttempts,
    expiryDate: record.expiryDate,
    secretKey: extras.secretKey,
    serviceAccount: record.serviceAccount,
    ID: record.id,
    lastSignInAddress: extras.lastSignInAddress ?? record.lastSignInAddress,
    createdByAdministratorID: record.createdByAdministratorId,
    createdByApiKeyID: record.createdByApiKeyId,
    rateLimits: record.rateLimits && [...record.rateLimits],
    credits: record.credits,
    roleURN: extras.role && roleUrn(extras.role),
    permissions: record.permissions.length > 0 ? [...record.permissions] : undefined,
    meta: record.meta,
    externalID: record.externalId,
    ipAllowList: record.ipAllowList.length > 0 ? [...record.ipAllowList] : undefined,
    tags: record.tags.length > 0 ? [...record.tags] : undefined,
  }
}
