import type { FastifyBaseLogger } from 'fastify'
import { setImmediate as afterIo } from 'node:timers/promises'

/** What one bookkeeping write does to a key's count of failed authentications. */
export interface FailureTally {
  /** A success came after the count last written: it starts over from 0 before `failures` are added. */
  readonly reset: boolean
  /** Failures to add (0: only the reset). */
  readonly failures: number
  /** Where the last of them came from (the audit entry of a lock-out names it). */
  readonly address: string | undefined
}

/** A tally still collecting, before its write starts. */
type QueuedTally = { -readonly [K in keyof FailureTally]: FailureTally[K] }

/** Writes a key's tally; its rejection is logged, never thrown at a request. */
export type TallyWriter = (id: number, tally: FailureTally) => Promise<unknown>

/**
 * Runs the bookkeeping of failed authentications (counts, lock-outs, their audit) and of the
 * success that clears a count, after the answer and one write at a time: a wrong secret for a
 * real key must answer as fast as one for an unknown key, or the difference tells which key
 * IDs exist.
 *
 * Tallies are written once per interval: everything a key collects in between (failures, and
 * the success that restarts its count) becomes one write, so a flood of wrong secrets for a key
 * that is also used rightly costs one write per key per interval, not one per request, and the
 * count stays exact. A tally that may lock its key out is written at once ({@link flushSoon}),
 * and {@link settled} writes all of them at once (shutdown, tests). A crash loses at most the
 * counts of one interval.
 */
export class FailureRecorder {
  readonly #write: TallyWriter
  readonly #intervalMs: number
  readonly #log: FastifyBaseLogger | undefined
  #queue: Promise<void> = Promise.resolve()
  /** Tallies collecting until the next flush, by key ID. */
  readonly #pending = new Map<number, QueuedTally>()
  /** Tallies of the flush being written, until each one's write is done. */
  readonly #taken = new Map<number, FailureTally>()
  #timer: NodeJS.Timeout | undefined

  constructor(write: TallyWriter, intervalMs: number, log?: FastifyBaseLogger) {
    this.#write = write
    this.#intervalMs = intervalMs
    this.#log = log
  }

  /** Counts a failed authentication of key `id` from `address`. */
  failed(id: number, address: string | undefined): void {
    const tally = this.#tally(id)
    tally.failures++
    tally.address = address
  }

  /** Clears key `id`'s count: the failures noted before this success no longer count. */
  succeeded(id: number): void {
    const tally = this.#tally(id)
    tally.reset = true
    tally.failures = 0
  }

  /** Whether key `id` has bookkeeping pending or being written: its cached count may be behind. */
  has(id: number): boolean {
    return this.#pending.has(id) || this.#taken.has(id)
  }

  /** Failures of key `id` noted and not yet written. */
  unwritten(id: number): number {
    return (this.#pending.get(id)?.failures ?? 0) + (this.#taken.get(id)?.failures ?? 0)
  }

  /** Writes what is pending once the answers of this turn are out, without waiting for the interval. */
  flushSoon(): void {
    clearTimeout(this.#timer)
    this.#timer = undefined
    this.#queue = this.#queue.then(afterIo).then(() => this.#writePending())
  }

  /** Writes what is pending now and resolves once every write is done (shutdown, a lock-out, tests). */
  settled(): Promise<void> {
    this.flushSoon()
    return this.#queue
  }

  #tally(id: number): QueuedTally {
    let tally = this.#pending.get(id)
    if (tally) return tally
    tally = { reset: false, failures: 0, address: undefined }
    this.#pending.set(id, tally)
    if (this.#timer === undefined) {
      // Unreferenced: shutdown writes what is pending through settled(), not by waiting for it.
      this.#timer = setTimeout(() => this.flushSoon(), this.#intervalMs)
      this.#timer.unref()
    }
    return tally
  }

  /** Writes the tallies pending now, one key at a time; what comes meanwhile waits for the next flush. */
  async #writePending(): Promise<void> {
    for (const [id, tally] of this.#pending) this.#taken.set(id, tally)
    this.#pending.clear()
    for (const [id, tally] of this.#taken) {
      try {
        await this.#write(id, tally)
      } catch (err) {
        this.#log?.warn({ err }, 'could not record a failed authentication')
      } finally {
        this.#taken.delete(id)
      }
    }
  }
}
