import type { VerifyApiKeyRequest } from './generated/api.js'

/** What a request to protect needs of its key; all optional (see `Keyward.verify`). */
export type VerifyOptions = Omit<VerifyApiKeyRequest, 'secretKey'>

/** The key a request was verified with, as the middleware hands it to the route. */
export interface VerifiedKey {
  readonly keyID: number
  readonly keyName: string
  readonly roleID: number
  /** Its effective application permissions (its role's and its own), sorted. */
  readonly permissions: readonly string[]
  readonly meta?: Readonly<Record<string, unknown>>
  readonly externalID?: string
  /** When the key expires, ms since epoch. */
  readonly expiryDate?: number
}
