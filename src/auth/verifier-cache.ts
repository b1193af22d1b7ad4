import type { ApiKeyRecord } from '../apikeys/api-key.js'

/** Marks an ID known to have no key, so floods of unknown IDs do not reach the database. */
export const ABSENT = Symbol('absent')
export type CacheEntry = ApiKeyRecord | typeof ABSENT

/**
 * API keys by ID, bounded; the oldest entries are dropped first when it is full.
 *
 * Every invalidation moves a generation counter. A load that started before an invalidation
 * may have read the old row, so `set` refuses it; the next request loads again.
 */
export class VerifierCache {
  readonly #maxSize: number
  readonly #entries = new Map<number, CacheEntry>()
  #generation = 0

  constructor(maxSize: number) {
    this.#maxSize = maxSize
  }

  /** How many keys (and known-absent IDs) are held. */
  get size(): number {
    return this.#entries.size
  }

  get generation(): number {
    return this.#generation
  }

  get(id: number): CacheEntry | undefined {
    return this.#entries.get(id)
  }

  /** Caches an entry loaded since `generation`, unless an invalidation came in between. */
  set(id: number, entry: CacheEntry, generation: number): void {
    if (generation !== this.#generation) return
    if (this.#entries.size >= this.#maxSize && !this.#entries.has(id)) {
      const oldest = this.#entries.keys().next()
      if (!oldest.done) this.#entries.delete(oldest.value)
    }
    this.#entries.set(id, entry)
  }

  delete(id: number): void {
    this.#generation++
    this.#entries.delete(id)
  }

  clear(): void {
    this.#generation++
    this.#entries.clear()
  }
}
