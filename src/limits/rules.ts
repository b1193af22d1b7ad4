import type { Principal } from '../auth/principal.js'
import { KeywardError } from '../errors/keyward-error.js'
import type { Credits, RateLimit } from './schema.js'

/**
 * Checks what the schema cannot: limit names unique within a key, and a refill day only on a
 * monthly refill.
 *
 * @throws KeywardError `limits.rate_limit_name_in_use`, `limits.refill_day_not_monthly` (400).
 */
export function checkLimits(rateLimits: readonly RateLimit[] | undefined, credits: Credits | null | undefined): void {
  const names = new Set<string>()
  rateLimits?.forEach(({ name }, i) => {
    if (names.has(name)) throw new KeywardError('limits.rate_limit_name_in_use', { field: `rateLimits[${i}].name`, name })
    names.add(name)
  })
  if (credits?.refill?.interval === 'daily' && credits.refill.day !== undefined) {
    throw new KeywardError('limits.refill_day_not_monthly', { field: 'credits.refill.day' })
  }
}

/** Whether `limit` allows no more than `own`: no higher a count over no shorter a window. */
function isAsTight(limit: RateLimit, own: RateLimit): boolean {
  return limit.limit <= own.limit && limit.duration >= own.duration
}

/**
 * The equal-or-lesser rule applied to usage limits. Limits restrict a key, so handing out
 * looser ones is handing out more than one has: an API key whose role can only manipulate
 * users with equal or lesser rights may give a key only limits at least as tight as its own.
 * For each of its own rate limits the key must get one with no higher `limit` over no shorter
 * `duration`; with a credit balance of its own it may give only a balance no larger than its
 * own, and a refill only when it has one, of no larger amount and no more often (daily beats
 * monthly). An administrator has no limits of its own, so this never binds one.
 *
 * @throws KeywardError `limits.exceed_own` (403) naming the field.
 */
export function assertLimitsWithinOwn(principal: Principal, rateLimits: readonly RateLimit[] | undefined, credits: Credits | null | undefined): void {
  if (principal.kind !== 'apikey') return
  const own = principal.apiKey
  if (!principal.role.canOnlyManipulateUsersWithEqualOrLesserRights) return
  if (rateLimits !== undefined) {
    for (const limit of own.rateLimits ?? []) {
      if (!rateLimits.some((given) => isAsTight(given, limit))) throw new KeywardError('limits.exceed_own', { field: 'rateLimits' })
    }
  }
  if (credits === undefined || !own.credits) return
  if (credits === null || credits.remaining > own.credits.remaining) throw new KeywardError('limits.exceed_own', { field: 'credits' })
  const refill = credits.refill
  const ownRefill = own.credits.refill
  if (refill && (!ownRefill || refill.amount > ownRefill.amount || (refill.interval === 'daily' && ownRefill.interval === 'monthly'))) {
    throw new KeywardError('limits.exceed_own', { field: 'credits.refill' })
  }
}

/** Limits in one canonical shape, so equal limits compare equal whatever order the client sent. */
function canonical(limits: { rateLimits?: readonly RateLimit[]; credits?: Credits | null }) {
  const refill = limits.credits?.refill
  return {
    rateLimits: limits.rateLimits?.map(({ name, limit, duration }) => ({ name, limit, duration })) ?? [],
    credits: limits.credits
      ? {
          remaining: limits.credits.remaining,
          ...(refill ? { refill: { interval: refill.interval, amount: refill.amount, ...(refill.day === undefined ? {} : { day: refill.day }) } } : {}),
        }
      : null,
  }
}

/**
 * The limits an input changes on a key, in canonical shape; properties it leaves out or sends
 * unchanged are left out.
 */
export function limitChanges(
  existing: { readonly rateLimits: readonly RateLimit[] | undefined; readonly credits: Credits | undefined },
  input: { rateLimits?: readonly RateLimit[]; credits?: Credits | null },
): { rateLimits?: RateLimit[]; credits?: Credits | null } {
  const before = canonical(existing)
  const after = canonical(input)
  const changes: { rateLimits?: RateLimit[]; credits?: Credits | null } = {}
  if (input.rateLimits !== undefined && JSON.stringify(after.rateLimits) !== JSON.stringify(before.rateLimits)) changes.rateLimits = after.rateLimits
  if (input.credits !== undefined && JSON.stringify(after.credits) !== JSON.stringify(before.credits)) changes.credits = after.credits
  return changes
}
