import { setTimeout as sleep } from 'node:timers/promises'
import type { MaybePromise } from '../maybe-promise.js'

/** Reads key IDs from the database. */
export interface KeyIdSource {
  /** IDs of the keys above `after`, ascending, at most `limit` of them. */
  idsAfter(after: number, limit: number): Promise<number[]>
}

/**
 * IDs read per statement when loading or refreshing: at a million keys on PostgreSQL, 100
 * statements in ~0.7 s, none holding the event loop more than ~20 ms (50,000 held it ~50 ms).
 */
const CHUNK = 10_000
/** IDs per page of the bitmap: 4 KB a page, 125 KB for a million consecutive IDs. */
const PAGE_BITS = 15
/** The word of a page that holds an ID's bit. */
const WORD_MASK = (1 << (PAGE_BITS - 5)) - 1

/** A set of non-negative integers as a bitmap in pages, allocated where IDs are. */
class IdBitmap {
  readonly #pages = new Map<number, Uint32Array>()

  has(id: number): boolean {
    const page = this.#pages.get(id >>> PAGE_BITS)
    return page !== undefined && (page[(id >>> 5) & WORD_MASK]! & (1 << (id & 31))) !== 0
  }

  add(id: number): void {
    let page = this.#pages.get(id >>> PAGE_BITS)
    if (!page) this.#pages.set(id >>> PAGE_BITS, (page = new Uint32Array(WORD_MASK + 1)))
    page[(id >>> 5) & WORD_MASK]! |= 1 << (id & 31)
  }

  delete(id: number): void {
    const page = this.#pages.get(id >>> PAGE_BITS)
    if (page) page[(id >>> 5) & WORD_MASK]! &= ~(1 << (id & 31))
  }
}

/**
 * Which API key IDs may have a key, so that a secret naming any other ID is refused without a
 * statement (issue 12, goal 4: anyone can make well-formed secrets for IDs that do not exist,
 * the checksum being public). Loaded with one pass over the IDs when the first unknown ID
 * arrives, then kept by the change feed:
 *
 * - An ID read or heard of (a change notice: created, changed, deleted) may have a key: it is
 *   looked up as before. A look-up that finds nothing forgets it.
 * - An ID not in the set and at most the highest ID read has no key: IDs are never reused
 *   (SQLite's `AUTOINCREMENT`, PostgreSQL's sequence), and a key created since was heard of.
 * - An ID above the highest read may be a key another process created a moment ago, not yet
 *   heard: its request waits for the next read of the IDs above it, which starts after the
 *   request arrived and at most once per `intervalMs` for all such requests together. So a flood
 *   of made-up IDs costs at most one statement per interval, however fast it comes.
 *
 * Like a cached "no such key", an ID of PostgreSQL that commits after a higher one (sequences
 * hand out IDs before commit) is refused until its change notice arrives, if it is asked for in
 * between; SQLite commits IDs in order.
 */
export class KnownKeyIds {
  readonly #source: KeyIdSource
  readonly #intervalMs: number
  #ids: IdBitmap | undefined
  #loading: Promise<void> | undefined
  /** Whether `#ids` holds every ID up to `#highest` (the load finished). */
  #loaded = false
  #highest = 0
  /** Moves on `reset`: a load or refresh of an earlier generation does not touch the set. */
  #generation = 0
  /** The refresh that requests arriving now wait for; it has not started. */
  #nextRefresh: Promise<void> | undefined
  #running: Promise<void> = Promise.resolve()
  #lastRefreshAt = -Infinity

  constructor(source: KeyIdSource, intervalMs: number) {
    this.#source = source
    this.#intervalMs = intervalMs
  }

  /**
   * Whether a key may have this ID (true until the IDs are loaded): at once, or after the next
   * refresh for an ID above the highest read.
   */
  mayExist(id: number): MaybePromise<boolean> {
    if (!this.#loaded) return true
    if (this.#ids!.has(id)) return true
    if (id <= this.#highest) return false
    const generation = this.#generation
    return this.#refreshed().then(() => generation !== this.#generation || this.#ids!.has(id))
  }

  /**
   * Loads the IDs, unless they are loaded or loading: settles when they are, or when loading
   * failed, which leaves them unloaded (every ID may exist) until the next call.
   */
  load(): Promise<void> {
    if (this.#loading) return this.#loading
    const ids = (this.#ids = new IdBitmap())
    const generation = this.#generation
    const loading = this.#readAfter(0, ids, generation).then(
      () => {
        if (generation === this.#generation) this.#loaded = true
      },
      () => {
        if (generation === this.#generation) this.reset()
      },
    )
    return (this.#loading = loading)
  }

  /** A change notice of this ID (created, changed, deleted): it may have a key. */
  heard(id: number): void {
    this.#ids?.add(id)
  }

  /** A look-up found no key with this ID, and no notice of it came meanwhile. */
  forget(id: number): void {
    this.#ids?.delete(id)
  }

  /** Changes may have gone unheard: forget everything, and load again when next asked to. */
  reset(): void {
    this.#generation++
    this.#ids = undefined
    this.#loading = undefined
    this.#loaded = false
    this.#highest = 0
  }

  /** Reads IDs above `after` into `ids`, a chunk at a time, raising `#highest`. */
  async #readAfter(after: number, ids: IdBitmap, generation: number): Promise<void> {
    for (;;) {
      const chunk = await this.#source.idsAfter(after, CHUNK)
      if (generation !== this.#generation) return
      for (const id of chunk) ids.add(id)
      if (chunk.length > 0) after = this.#highest = Math.max(this.#highest, chunk[chunk.length - 1]!)
      if (chunk.length < CHUNK) return
    }
  }

  /** Settles after a read of the IDs above the highest that starts after this call. */
  #refreshed(): Promise<void> {
    this.#nextRefresh ??= this.#running
      .catch(() => {})
      .then(() => sleep(Math.max(0, this.#lastRefreshAt + this.#intervalMs - performance.now()), undefined, { ref: false }))
      .then(() => {
        this.#nextRefresh = undefined
        this.#lastRefreshAt = performance.now()
        // Reset meanwhile: its waiters look their IDs up, and the next load reads every ID.
        return (this.#running = this.#loaded ? this.#readAfter(this.#highest, this.#ids!, this.#generation) : Promise.resolve())
      })
    return this.#nextRefresh
  }
}
