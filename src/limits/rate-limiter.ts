import type { Clock } from '../time/clock.js'
import type { RateLimit } from './schema.js'
import { capacityAt, remainingAt, waitFor, windowEndOf, windowStartOf, type WindowCounts } from './sliding-window.js'
import type { LimitStore, WindowRef } from './store.js'

/** A lease is this share of a limit (at least 1): one database write per this many requests. */
const LEASE_DIVISOR = 20
/** Limits tracked in memory; beyond, the oldest is forgotten (its unused lease counts as used). */
const MAX_TRACKED = 100_000

/** How many a process leases at once for `limit`: the bound of what it can hold unused. */
export function leaseSizeOf(limit: number): number {
  return Math.max(1, Math.floor(limit / LEASE_DIVISOR))
}

/** One limit as a request saw it. */
export interface RateLimitState {
  readonly name: string
  readonly limit: number
  /** What is left in the sliding window after this request. */
  readonly remaining: number
  /** When the current window ends, epoch ms. */
  readonly reset: number
  readonly exceeded: boolean
}

export interface RateLimitOutcome {
  readonly allowed: boolean
  readonly limits: readonly RateLimitState[]
  /** When refused: ms until the request would be allowed. */
  readonly retryAfterMs: number
}

/** What this process knows of one limit of one key in its current window. */
interface Tracked {
  windowStart: number
  /** The window's count in the database as of this process's last lease (its own unused lease included). */
  count: number
  /** The previous window's count. */
  previous: number
  /** Leased by this process and not used yet. */
  held: number
  /** Whether this process has made sure the window's row exists. */
  hasRow: boolean
  /** After a refusal: no request of at least `deniedCost` is tried again before this time. */
  deniedUntil: number
  deniedCost: number
  /** The lease in flight, if any: others wait for it rather than lease too. */
  busy: Promise<unknown> | undefined
}

type Step = 'taken' | 'denied' | 'io'

/**
 * Sliding-window rate limits shared by every process on one database, by leased batches.
 *
 * The database holds one counter per key, limit and window. A process takes a batch of up to
 * `limit / 20` from it with one atomic UPDATE that never lets the count pass what the sliding
 * window allows, then spends the batch in memory, so most requests do no I/O. A refused
 * request is not counted. On one process the answers are exact (it knows its own unused
 * batch); with N processes a key is never let through beyond its limit, and may be refused
 * while other processes hold unused batches, at most 2 × (N − 1) × (lease − 1) of the limit
 * (unused batches in the current window, and in the previous one, which still weighs). Unused
 * batches are given back when the window moves on and when a process stops; a crash loses at
 * most one batch per limit and process, counted as used until its windows pass. The counters
 * live in the database, so a restart resets nothing.
 */
export class RateLimiter {
  readonly #store: LimitStore
  readonly #clock: Clock
  readonly #tracked = new Map<string, Tracked>()

  constructor(store: LimitStore, clock: Clock) {
    this.#store = store
    this.#clock = clock
  }

  /**
   * Counts `cost` against each of a key's limits, or none if any of them refuses it:
   * synchronously when this process's leases cover it, else after leasing more.
   */
  consume(keyId: number, limits: readonly RateLimit[], cost: number): RateLimitOutcome | Promise<RateLimitOutcome> {
    const now = this.#clock()
    const steps: Step[] = []
    for (const limit of limits) {
      const step = this.#trySync(this.#entry(keyId, limit), limit, cost, now)
      steps.push(step)
      if (step !== 'taken') break
    }
    if (steps.includes('io')) {
      this.#undo(keyId, limits, steps, cost)
      return this.#consumeWithIo(keyId, limits, cost)
    }
    const allowed = steps.every((step) => step === 'taken')
    if (!allowed) this.#undo(keyId, limits, steps, cost)
    return this.#outcome(keyId, limits, cost, now, allowed)
  }

  /** Puts back what an allowed request took, when something after the limits refused it. */
  refund(keyId: number, limits: readonly RateLimit[], cost: number): void {
    const now = this.#clock()
    for (const limit of limits) {
      const entry = this.#entry(keyId, limit)
      if (entry.windowStart === windowStartOf(now, limit.duration)) entry.held += cost
    }
  }

  /** Gives back every unused lease (on shutdown), so a clean restart loses nothing. */
  async release(): Promise<void> {
    const now = this.#clock()
    for (const [id, entry] of this.#tracked) {
      const [keyId, name, duration] = id.split('\u0000')
      if (entry.held > 0 && entry.windowStart === windowStartOf(now, Number(duration))) {
        await this.#store.giveBack({ keyId: Number(keyId), name: name!, duration: Number(duration), windowStart: entry.windowStart }, entry.held)
      }
      entry.held = 0
    }
  }

  async #consumeWithIo(keyId: number, limits: readonly RateLimit[], cost: number): Promise<RateLimitOutcome> {
    const taken: RateLimit[] = []
    let allowed = true
    for (const limit of limits) {
      const entry = this.#entry(keyId, limit)
      if (await this.#take(entry, keyId, limit, cost)) taken.push(limit)
      else {
        allowed = false
        break
      }
    }
    // A refused request is not counted: what it took stays leased, for the next request.
    if (!allowed) for (const limit of taken) this.#entry(keyId, limit).held += cost
    return this.#outcome(keyId, limits, cost, this.#clock(), allowed)
  }

  /** Takes `cost` from one limit, leasing when needed; one lease per limit at a time. */
  async #take(entry: Tracked, keyId: number, limit: RateLimit, cost: number): Promise<boolean> {
    while (entry.busy) await entry.busy.catch(() => {})
    const now = this.#clock()
    const step = this.#trySync(entry, limit, cost, now)
    if (step !== 'io') return step === 'taken'
    const lease = this.#lease(entry, keyId, limit, cost, now)
    entry.busy = lease
    try {
      return await lease
    } finally {
      entry.busy = undefined
    }
  }

  async #lease(entry: Tracked, keyId: number, limit: RateLimit, cost: number, now: number): Promise<boolean> {
    const ref: WindowRef = { keyId, name: limit.name, duration: limit.duration, windowStart: windowStartOf(now, limit.duration) }
    if (entry.windowStart !== ref.windowStart) {
      if (entry.held > 0) await this.#store.giveBack({ ...ref, windowStart: entry.windowStart }, entry.held)
      const previous = await this.#store.count({ ...ref, windowStart: ref.windowStart - limit.duration })
      Object.assign(entry, { windowStart: ref.windowStart, count: 0, previous, held: 0, hasRow: false, deniedUntil: 0, deniedCost: 0 })
    }
    const need = cost - entry.held
    const want = Math.max(leaseSizeOf(limit.limit), cost) - entry.held
    const cap = capacityAt(limit.limit, limit.duration, entry.previous, now)
    const { count, granted } = await this.#store.lease(ref, cap, want, need, !entry.hasRow)
    entry.hasRow = true
    entry.count = count
    if (granted === 0) {
      entry.deniedCost = cost
      entry.deniedUntil = now + waitFor(limit.limit, limit.duration, this.#counts(entry, limit, now), cost, now)
      return false
    }
    entry.held += granted - cost
    return true
  }

  /** Takes `cost` from what this process holds, refuses from what it knows, or says it must lease. */
  #trySync(entry: Tracked, limit: RateLimit, cost: number, now: number): Step {
    if (entry.busy || entry.windowStart !== windowStartOf(now, limit.duration)) return 'io'
    if (cost <= entry.held) {
      entry.held -= cost
      return 'taken'
    }
    if (cost >= entry.deniedCost && now < entry.deniedUntil) return 'denied'
    return 'io'
  }

  /** Puts back what the limits before a refusal (or before a lease) took. */
  #undo(keyId: number, limits: readonly RateLimit[], steps: readonly Step[], cost: number): void {
    steps.forEach((step, i) => {
      if (step === 'taken') this.#entry(keyId, limits[i]!).held += cost
    })
  }

  #outcome(keyId: number, limits: readonly RateLimit[], cost: number, now: number, allowed: boolean): RateLimitOutcome {
    let retryAfterMs = 0
    const states = limits.map((limit) => {
      const counts = this.#counts(this.#entry(keyId, limit), limit, now)
      const exceeded = !allowed && counts.current + cost > capacityAt(limit.limit, limit.duration, counts.previous, now)
      if (exceeded) retryAfterMs = Math.max(retryAfterMs, waitFor(limit.limit, limit.duration, counts, cost, now))
      return {
        name: limit.name,
        limit: limit.limit,
        remaining: remainingAt(limit.limit, limit.duration, counts, now),
        reset: windowEndOf(now, limit.duration),
        exceeded,
      }
    })
    return { allowed, limits: states, retryAfterMs }
  }

  /** The window of `now` as this process last saw it: what was used, not what it holds. */
  #counts(entry: Tracked, limit: RateLimit, now: number): WindowCounts {
    const used = entry.count - entry.held
    const start = windowStartOf(now, limit.duration)
    if (entry.windowStart === start) return { previous: entry.previous, current: used }
    return { previous: entry.windowStart === start - limit.duration ? used : 0, current: 0 }
  }

  #entry(keyId: number, limit: RateLimit): Tracked {
    const id = `${keyId}\u0000${limit.name}\u0000${limit.duration}`
    let entry = this.#tracked.get(id)
    if (!entry) {
      if (this.#tracked.size >= MAX_TRACKED) this.#tracked.delete(this.#tracked.keys().next().value!)
      entry = { windowStart: -1, count: 0, previous: 0, held: 0, hasRow: false, deniedUntil: 0, deniedCost: 0, busy: undefined }
      this.#tracked.set(id, entry)
    }
    return entry
  }
}
