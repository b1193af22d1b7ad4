import type { ApiKeyRecord } from '../apikeys/api-key.js'
import type { VerifyAnswer } from './schema.js'

/** What a verification asks of the key's rate limits and credits. */
export interface LimitsRequest {
  readonly key: ApiKeyRecord
  /** Default 1. */
  readonly cost: number
  /** Names of the key's limits to apply, as the caller sent them. */
  readonly rateLimits: readonly string[] | undefined
  readonly now: number
}

/** The verdict of rate limits and credits, and what they add to the answer. */
export interface LimitsVerdict {
  /** Set when the verification is refused; left out when it may go ahead. */
  readonly code?: 'RATE_LIMITED' | 'USAGE_EXCEEDED'
  /** Fields added to the answer, refused or not (remaining allowances, when to retry). */
  readonly fields?: Partial<VerifyAnswer>
}

/**
 * The one place where rate limits and credits plug into the verify operation. It is asked
 * last, for a key that passed every other check, because it consumes what it grants.
 */
export interface LimitsHook {
  consume(request: LimitsRequest): LimitsVerdict | Promise<LimitsVerdict>
}
