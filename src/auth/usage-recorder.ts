import type { FastifyBaseLogger } from 'fastify'
import type { ApiKeyStore } from '../apikeys/store.js'

/**
 * Batches "last sign-in" times: the hot path only notes them in memory, and they are written
 * together every interval (and on shutdown), so verifying a key writes nothing.
 */
export class UsageRecorder {
  readonly #store: ApiKeyStore
  readonly #log: FastifyBaseLogger | undefined
  #pending = new Map<number, { at: number; address: string | undefined }>()
  #timer: NodeJS.Timeout | undefined
  #flushing: Promise<void> = Promise.resolve()

  constructor(store: ApiKeyStore, log?: FastifyBaseLogger) {
    this.#store = store
    this.#log = log
  }

  /** Notes a use; called for every authenticated request, so it allocates only for a new key. */
  record(id: number, at: number, address: string | undefined): void {
    const use = this.#pending.get(id)
    if (use) {
      use.at = at
      use.address = address
    } else {
      this.#pending.set(id, { at, address })
    }
  }

  start(intervalMs: number): void {
    this.#timer = setInterval(() => void this.flush(), intervalMs)
    this.#timer.unref()
  }

  /** Writes what has been noted so far. Never throws: a failed batch is retried next time. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(async () => {
      if (this.#pending.size === 0) return
      const batch = this.#pending
      this.#pending = new Map()
      try {
        await this.#store.recordUsage([...batch].map(([id, use]) => ({ id, ...use })))
      } catch (err) {
        this.#log?.warn({ err }, 'could not write last sign-in times; retrying')
        for (const [id, use] of batch) if (!this.#pending.has(id)) this.#pending.set(id, use)
      }
    })
    return this.#flushing
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer)
    await this.flush()
  }
}
