import type { ApiKey } from '../../api/resources.js'

export type ApiKeyStatus = 'active' | 'lockedOut' | 'expired'

/** Locked out wins over expired: unlocking it would not make an expired key work. */
export function apiKeyStatus(key: Pick<ApiKey, 'active' | 'expiryDate'>, now: number): ApiKeyStatus {
  if (!key.active) return 'lockedOut'
  if (key.expiryDate !== undefined && key.expiryDate <= now) return 'expired'
  return 'active'
}
