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
 * IDs exist. What a key collects while a write is queued or running becomes one write, so a
 * flood of wrong secrets for one key costs one write per turn of the event loop, not one per
 * request, and the count stays exact.
 */
export class FailureRecorder {
  readonly #write: TallyWriter
  readonly #log: FastifyBaseLogger | undefined
  #queue: Promise<void> = Promise.resolve()
  /** Tallies queued and not yet started, by key ID. */
  readonly #pending = new Map<number, QueuedTally>()
  /** The tally being written, if any. */
  #writing: { readonly id: number; readonly failures: number } | undefined

  constructor(write: TallyWriter, log?: FastifyBaseLogger) {
    this.#write = write
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

  /** Whether key `id` has bookkeeping queued or being written: its cached count may be behind. */
  has(id: number): boolean {
    return this.#pending.has(id) || this.#writing?.id === id
  }

  /** Failures of key `id` noted and not yet written. */
  unwritten(id: number): number {
    return (this.#pending.get(id)?.failures ?? 0) + (this.#writing?.id === id ? this.#writing.failures : 0)
  }

  /** Resolves once every write queued so far is done (shutdown, tests). */
  settled(): Promise<void> {
    return this.#queue
  }

  /**
   * The key's queued tally, or a new one with its write queued, to start once the answer is
   * out: on SQLite a statement runs on this thread, so even an unawaited write would delay it.
   */
  #tally(id: number): QueuedTally {
    let tally = this.#pending.get(id)
    if (tally) return tally
    tally = { reset: false, failures: 0, address: undefined }
    this.#pending.set(id, tally)
    this.#queue = this.#queue
      .then(afterIo)
      .then(() => {
        const taken = this.#pending.get(id)!
        this.#pending.delete(id)
        this.#writing = { id, failures: taken.failures }
        return this.#write(id, taken)
      })
      .then(
        () => {},
        (err: unknown) => this.#log?.warn({ err }, 'could not record a failed authentication'),
      )
      .finally(() => (this.#writing = undefined))
    return tally
  }
}
