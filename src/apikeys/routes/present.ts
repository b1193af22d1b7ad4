import type { Role } from '../../roles/role.js'
import { roleUrn } from '../../roles/schema.js'
import type { ApiKeyBody, ApiKeyCurrentBody } from '../schema.js'
import type { ApiKeyRecord } from '../store.js'

/** An API key as the API shows it; unset properties are left out, the hash never shown. */
export function toApiKeyBody(record: ApiKeyRecord, secretKey?: string): ApiKeyBody {
  return {
    keyName: record.keyName,
    description: record.description,
    locale: record.locale,
    roleID: record.roleId,
    timeZone: record.timeZone,
    active: record.active,
    created: record.created,
    lastSignIn: record.lastSignIn,
    unlockTime: record.unlockTime,
    unsuccessfulSignInAttempts: record.unsuccessfulSignInAttempts,
    expiryDate: record.expiryDate,
    secretKey,
    serviceAccount: record.serviceAccount,
    ID: record.id,
    lastSignInAddress: record.lastSignInAddress,
    createdByAdministratorID: record.createdByAdministratorId,
    createdByApiKeyID: record.createdByApiKeyId,
  }
}

export function toApiKeyCurrentBody(record: ApiKeyRecord, role: Role): ApiKeyCurrentBody {
  return { ...toApiKeyBody(record), roleURN: roleUrn(role) }
}
