import { andThen } from '../maybe-promise.js'
import type { Principal } from '../auth/principal.js'
import { KeywardError } from '../errors/keyward-error.js'
import type { LimitsHook, LimitsRequest, LimitsVerdict } from '../verify/limits-hook.js'
import type { Clock } from '../time/clock.js'
import { lastRefillAt } from './credit-refill.js'
import { RateLimiter, type RateLimitOutcome, type RateLimitState } from './rate-limiter.js'
import type { Credits, RateLimit } from './schema.js'
import type { LimitStore, StoredCredits } from './store.js'

/** The key whose usage is counted: its ID, limits and time zone (for credit refills). */
export interface LimitedKey {
  readonly id: number
  readonly timeZone: string
  readonly rateLimits: readonly RateLimit[] | undefined
  readonly credits: Credits | undefined
}

/** What a verification's limits said. `code` is set when one refused it. */
export interface UsageOutcome {
  readonly code: 'RATE_LIMITED' | 'USAGE_EXCEEDED' | undefined
  readonly rateLimits: readonly RateLimitState[]
  /** The balance after this verification, when the key has one. */
  readonly credits: { readonly remaining: number } | undefined
  /** When refused by a rate limit: ms until it would be allowed. */
  readonly retryAfterMs: number
}

const SWEEP_INTERVAL_MS = 60_000

/**
 * Rate limits and credits of API keys: every call a key makes to Keyward's API counts 1
 * against each of its rate limits, and a verification counts its cost against the limits it
 * names and spends that cost from the key's credits. Rate limits are leased from shared
 * counters (see {@link RateLimiter}); credits are spent in the database, exactly.
 */
export class UsageLimits implements LimitsHook {
  readonly #store: LimitStore
  readonly #clock: Clock
  readonly #rateLimiter: RateLimiter
  #sweeper: NodeJS.Timeout | undefined

  constructor(store: LimitStore, clock: Clock) {
    this.#store = store
    this.#clock = clock
    this.#rateLimiter = new RateLimiter(store, clock)
  }

  /**
   * Counts one call of an API key to Keyward's API against its rate limits; synchronous while
   * this process holds enough of them. Console sessions have no limits.
   *
   * @throws KeywardError `request.rate_limited` (429, with Retry-After), or rejects with it.
   */
  admitApiCall(principal: Principal): void | Promise<void> {
    if (principal.kind !== 'apikey') return
    const rateLimits = principal.apiKey.rateLimits
    if (!rateLimits) return
    return andThen(this.#rateLimiter.consume(principal.id, rateLimits, 1), refuseIfLimited)
  }

  /**
   * Applies a verification's cost to a key: to the rate limits named in `names` (all of them
   * when undefined; names the key lacks are skipped), then, if they allowed it, to its
   * credits. A refused verification counts against nothing. Synchronous, as
   * {@link admitApiCall}, while this process holds enough of the limits and the key has no
   * credits (which are spent in the database).
   */
  verify(key: LimitedKey, cost: number, names: readonly string[] | undefined): UsageOutcome | Promise<UsageOutcome> {
    const rateLimits = (key.rateLimits ?? []).filter((limit) => names === undefined || names.includes(limit.name))
    return andThen(this.#rateLimiter.consume(key.id, rateLimits, cost), (limited) => this.#afterRateLimits(key, cost, rateLimits, limited))
  }

  #afterRateLimits(key: LimitedKey, cost: number, rateLimits: readonly RateLimit[], limited: RateLimitOutcome): UsageOutcome | Promise<UsageOutcome> {
    if (!limited.allowed)
      return this.#balanceOf(key).then((credits) => ({ code: 'RATE_LIMITED', rateLimits: limited.limits, credits, retryAfterMs: limited.retryAfterMs }))
    if (!key.credits) return { code: undefined, rateLimits: limited.limits, credits: undefined, retryAfterMs: 0 }
    return this.#spendCredits(key, key.credits, cost, rateLimits, limited)
  }

  async #spendCredits(key: LimitedKey, credits: Credits, cost: number, rateLimits: readonly RateLimit[], limited: RateLimitOutcome): Promise<UsageOutcome> {
    const now = this.#clock()
    const boundary = credits.refill ? lastRefillAt(credits.refill, key.timeZone, now) : -1
    const spent = await this.#store.spendCredits(key.id, cost, now, boundary)
    if (spent === undefined) return { code: undefined, rateLimits: limited.limits, credits: undefined, retryAfterMs: 0 }
    if ('remaining' in spent) return { code: undefined, rateLimits: limited.limits, credits: spent, retryAfterMs: 0 }
    this.#rateLimiter.refund(key.id, rateLimits, cost)
    return {
      code: 'USAGE_EXCEEDED',
      rateLimits: limited.limits.map((state) => ({ ...state, remaining: state.remaining + cost })),
      credits: { remaining: effectiveBalance(spent.exhausted, key, now) },
      retryAfterMs: 0,
    }
  }

  /** The verify operation's view of {@link verify}: its code and the fields it adds to the answer. */
  consume(request: LimitsRequest): LimitsVerdict | Promise<LimitsVerdict> {
    return andThen(this.verify(request.key, request.cost, request.rateLimits), verdictOf)
  }

  /** The balance as it is now, a due refill included, without spending. */
  async #balanceOf(key: LimitedKey): Promise<{ remaining: number } | undefined> {
    const stored = key.credits && (await this.#store.readCredits(key.id))
    if (!stored) return undefined
    return { remaining: effectiveBalance(stored, key, this.#clock()) }
  }

  /** Starts removing counters of windows that no longer count. */
  start(): void {
    this.#sweeper = setInterval(() => void this.#store.deleteExpiredWindows(this.#clock()).catch(() => {}), SWEEP_INTERVAL_MS)
    this.#sweeper.unref()
  }

  /** Stops the sweep and gives back this process's unused leases. */
  async stop(): Promise<void> {
    clearInterval(this.#sweeper)
    await this.#rateLimiter.release()
  }
}

function verdictOf(outcome: UsageOutcome): LimitsVerdict {
  const fields = {
    ...(outcome.rateLimits.length > 0
      ? { rateLimits: outcome.rateLimits.map(({ name, limit, remaining, reset }) => ({ name, limit, remaining, reset })) }
      : {}),
    ...(outcome.credits ? { credits: outcome.credits } : {}),
    ...(outcome.code === 'RATE_LIMITED' ? { retryAfter: secondsOf(outcome.retryAfterMs) } : {}),
  }
  return outcome.code ? { code: outcome.code, fields } : { fields }
}

/** A stored balance with the refill that is due at `now` applied. */
function effectiveBalance(stored: StoredCredits, key: LimitedKey, now: number): number {
  const refill = key.credits?.refill
  if (stored.refillAmount === undefined || !refill) return stored.remaining
  return stored.refilledAt < lastRefillAt(refill, key.timeZone, now) ? stored.refillAmount : stored.remaining
}

/** A wait as whole seconds for Retry-After: rounded up, at least 1. */
function secondsOf(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000))
}

function refuseIfLimited(outcome: RateLimitOutcome): void {
  if (outcome.allowed) return
  const seconds = secondsOf(outcome.retryAfterMs)
  const name = outcome.limits.find((state) => state.exceeded)?.name ?? ''
  throw new KeywardError('request.rate_limited', { name, seconds }, { retryAfterSeconds: seconds })
}
