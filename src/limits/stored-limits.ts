import type { ApiKeysTable } from '../store/tables.js'
import type { Credits, RateLimit } from './schema.js'

/** A key's limits as its record holds them: undefined for none. */
export interface KeyLimits {
  readonly rateLimits: readonly RateLimit[] | undefined
  readonly credits: Credits | undefined
  /** When the balance was last set or refilled, epoch ms. */
  readonly creditsRefilledAt: number | undefined
}

type LimitColumns = Pick<
  ApiKeysTable,
  'rate_limits' | 'credits_remaining' | 'credits_refill_interval' | 'credits_refill_amount' | 'credits_refill_day' | 'credits_refilled_at'
>

/** Reads a key's limits from its row. */
export function limitsFromRow(row: LimitColumns): KeyLimits {
  const rateLimits: RateLimit[] = row.rate_limits === null ? [] : JSON.parse(row.rate_limits)
  if (row.credits_remaining === null) return { rateLimits: rateLimits.length > 0 ? rateLimits : undefined, credits: undefined, creditsRefilledAt: undefined }
  const refill =
    row.credits_refill_interval === null
      ? undefined
      : {
          interval: row.credits_refill_interval as 'daily' | 'monthly',
          amount: Number(row.credits_refill_amount),
          ...(row.credits_refill_day === null ? {} : { day: row.credits_refill_day }),
        }
  return {
    rateLimits: rateLimits.length > 0 ? rateLimits : undefined,
    credits: { remaining: Number(row.credits_remaining), ...(refill ? { refill } : {}) },
    creditsRefilledAt: Number(row.credits_refilled_at),
  }
}

/**
 * The columns that set a key's limits; properties left undefined are left out. An empty list
 * removes the rate limits and `null` the credits; setting credits starts their refill clock at `now`.
 */
export function limitColumns(limits: { rateLimits?: readonly RateLimit[]; credits?: Credits | null }, now: number): Partial<LimitColumns> {
  const columns: Partial<LimitColumns> = {}
  if (limits.rateLimits !== undefined) columns.rate_limits = limits.rateLimits.length > 0 ? JSON.stringify(limits.rateLimits) : null
  if (limits.credits !== undefined) {
    const credits = limits.credits
    Object.assign(columns, {
      credits_remaining: credits?.remaining ?? null,
      credits_refill_interval: credits?.refill?.interval ?? null,
      credits_refill_amount: credits?.refill?.amount ?? null,
      credits_refill_day: credits?.refill?.day ?? null,
      credits_refilled_at: credits ? now : null,
    })
  }
  return columns
}
