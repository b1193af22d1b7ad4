import type { FastifyBaseLogger } from 'fastify'
import { setImmediate as afterIo } from 'node:timers/promises'

/**
 * Runs the bookkeeping of failed authentications (counts, lock-outs, their audit) after the
 * answer, one write at a time: a wrong secret for a real key must answer as fast as one for
 * an unknown key, or the difference tells which key IDs exist.
 */
export class FailureRecorder {
  readonly #log: FastifyBaseLogger | undefined
  #queue: Promise<void> = Promise.resolve()

  constructor(log?: FastifyBaseLogger) {
    this.#log = log
  }

  /**
   * Queues a write, to start once the answer is out: on SQLite a statement runs on this thread,
   * so even an unawaited write would delay the answer. A failed write is logged, never thrown
   * at the request that caused it.
   */
  defer(write: () => Promise<unknown>): void {
    this.#queue = this.#queue
      .then(afterIo)
      .then(write)
      .then(
        () => {},
        (err: unknown) => this.#log?.warn({ err }, 'could not record a failed authentication'),
      )
  }

  /** Resolves once every write queued so far is done (shutdown, tests). */
  settled(): Promise<void> {
    return this.#queue
  }
}
