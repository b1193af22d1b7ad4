import { KeywardError } from '../errors/keyward-error.js'
import type { Clock } from '../time/clock.js'

const WINDOW_MS = 60_000
const MAX_TRACKED = 100_000

/**
 * Slows down guessing: after `limit` failed authentications from one client address within a
 * minute, that address gets 429 until the minute is over. In memory, per process.
 *
 * API secrets are checked first and only failures are refused (a valid key always passes);
 * a password, which can be guessed and costs scrypt to check, reserves its attempt first.
 */
export class FailureThrottle {
  readonly #limit: number
  readonly #clock: Clock
  readonly #windows = new Map<string, { start: number; failures: number }>()
  readonly #onRefuse: (() => void) | undefined

  /** `onRefuse` hears every refusal (for metrics). */
  constructor(limit: number, clock: Clock, onRefuse?: () => void) {
    this.#limit = limit
    this.#clock = clock
    this.#onRefuse = onRefuse
  }

  /** @throws KeywardError `request.too_many_failures` with a retry time when the address is blocked. */
  check(address: string): void {
    const window = this.#windows.get(address)
    if (!window || window.failures < this.#limit) return
    const remaining = window.start + WINDOW_MS - this.#clock()
    if (remaining <= 0) return
    const seconds = Math.ceil(remaining / 1000)
    this.#onRefuse?.()
    throw new KeywardError('request.too_many_failures', { seconds }, { retryAfterSeconds: seconds })
  }

  /**
   * Counts an attempt as a failure before it is checked, so parallel attempts cannot all pass
   * {@link check} at once; {@link release} it when it succeeds.
   *
   * @throws KeywardError `request.too_many_failures` when the address is blocked.
   */
  reserve(address: string): void {
    this.check(address)
    this.recordFailure(address)
  }

  /** Takes back a reservation that turned out not to be a failure. */
  release(address: string): void {
    const window = this.#windows.get(address)
    if (window && window.failures > 0) window.failures--
  }

  recordFailure(address: string): void {
    const now = this.#clock()
    const window = this.#windows.get(address)
    if (window && now - window.start < WINDOW_MS) {
      window.failures++
      return
    }
    if (this.#windows.size >= MAX_TRACKED) this.#prune(now)
    this.#windows.set(address, { start: now, failures: 1 })
  }

  #prune(now: number): void {
    for (const [address, window] of this.#windows) if (now - window.start >= WINDOW_MS) this.#windows.delete(address)
    // Still full of live windows (a distributed attack): forget the oldest half.
    if (this.#windows.size >= MAX_TRACKED) {
      let n = 0
      for (const address of this.#windows.keys()) if (n++ < MAX_TRACKED / 2) this.#windows.delete(address)
    }
  }
}
