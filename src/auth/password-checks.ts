import { KeywardError } from '../errors/keyward-error.js'
import { verifyPassword } from './password-hash.js'

/** How long a client refused for a full queue is told to wait. */
const RETRY_AFTER_SECONDS = 1

/**
 * Bounds the scrypt work that unauthenticated clients can cause: at most `concurrency`
 * password checks run at once (each holds a libuv thread and 32 MiB), at most `maxWaiting`
 * wait, and the rest are refused at once with 503 and Retry-After. A flood therefore costs a
 * real sign-in at most a queue's worth of checks, never an unbounded wait.
 */
export class PasswordChecks {
  readonly #concurrency: number
  readonly #maxWaiting: number
  readonly #waiting: (() => void)[] = []
  #running = 0

  constructor(concurrency: number, maxWaiting: number) {
    this.#concurrency = concurrency
    this.#maxWaiting = maxWaiting
  }

  /**
   * Whether a password matches a stored hash, checked when its turn comes.
   *
   * @throws KeywardError `server.busy` (503) when the queue is full.
   */
  async verify(password: string, storedHash: string): Promise<boolean> {
    if (this.#running < this.#concurrency) {
      this.#running++
    } else {
      if (this.#waiting.length >= this.#maxWaiting)
        throw new KeywardError('server.busy', { seconds: RETRY_AFTER_SECONDS }, { retryAfterSeconds: RETRY_AFTER_SECONDS })
      // A finishing check hands its slot straight to the first waiter.
      await new Promise<void>((resolve) => this.#waiting.push(resolve))
    }
    try {
      return await verifyPassword(password, storedHash)
    } finally {
      const next = this.#waiting.shift()
      if (next) next()
      else this.#running--
    }
  }
}
