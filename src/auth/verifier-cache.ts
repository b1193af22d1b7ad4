import type { ApiKeyRecord } from '../apikeys/api-key.js'

/** Marks an ID known to have no key, so floods of unknown IDs do not reach the database. */
export const ABSENT = Symbol('absent')
export type CacheEntry = ApiKeyRecord | typeof ABSENT

/**
 * API keys by ID, and IDs known to have no key, each bounded; the oldest entries are dropped
 * first when full. The two are kept apart: a flood of distinct unknown IDs (anyone can make
 * them, the checksum is public) drops only older unknown IDs, never a real key.
 *
 * Every invalidation moves a generation counter. A load that started before an invalidation
 * may have read the old row, so `set` refuses it; the next request loads again.
 */
export class VerifierCache {
  readonly #maxSize: number
  readonly #keys = new Map<number, ApiKeyRecord>()
  readonly #absent = new Set<number>()
  #generation = 0

  constructor(maxSize: number) {
    this.#maxSize = maxSize
  }

  /** How many keys and known-absent IDs are held. */
  get size(): number {
    return this.#keys.size + this.#absent.size
  }

  get generation(): number {
    return this.#generation
  }

  get(id: number): CacheEntry | undefined {
    return this.#keys.get(id) ?? (this.#absent.has(id) ? ABSENT : undefined)
  }

  /** Caches an entry loaded since `generation`, unless an invalidation came in between. */
  set(id: number, entry: CacheEntry, generation: number): void {
    if (generation !== this.#generation) return
    if (entry === ABSENT) {
      this.#keys.delete(id)
      this.#makeRoom(this.#absent, id)
      this.#absent.add(id)
    } else {
      this.#absent.delete(id)
      this.#makeRoom(this.#keys, id)
      this.#keys.set(id, entry)
    }
  }

  /** Drops the oldest of `entries` when it is full and `id` would be a new one. */
  #makeRoom(entries: Map<number, unknown> | Set<number>, id: number): void {
    if (entries.size >= this.#maxSize && !entries.has(id)) entries.delete(entries.keys().next().value!)
  }

  delete(id: number): void {
    this.#generation++
    this.#keys.delete(id)
    this.#absent.delete(id)
  }

  clear(): void {
    this.#generation++
    this.#keys.clear()
    this.#absent.clear()
  }
}
