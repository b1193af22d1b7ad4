/**
 * The local cache of positive verifications: keyed by a SHA-256 hash of the secret (with the
 * request's permission query and address, which the answer depends on), so no secret is kept;
 * bounded in entries (least recently used goes first) and in age.
 *
 * @module
 */
import { createHash } from 'node:crypto'
import type { VerifyApiKeyResponse } from './generated/api.js'

export interface VerifyCacheOptions {
  /** Most answers kept; the least recently used goes first. Default 10 000. */
  maxEntries?: number
  /** Longest an answer is used while the stream of key changes is connected, in ms. Default 5 minutes. */
  maxAgeMs?: number
  /**
   * Longest an answer is used past the last moment it was known current (when it was verified, or
   * when the stream was last connected, whichever is later), while the stream is down. Default 10 s.
   */
  fallbackAgeMs?: number
}

interface Entry {
  readonly answer: VerifyApiKeyResponse
  readonly verifiedAt: number
}

/** What a cached answer may be used for: the key it is about, and the request it answered. */
export interface VerifyRequestKey {
  readonly secretKey: string
  readonly permissions?: string | undefined
  readonly address?: string | undefined
}

export class VerifyCache {
  readonly #entries = new Map<string, Entry>()
  /** Hashes by key ID and by role ID, to drop every answer a change makes wrong. */
  readonly #byKey = new Map<number, Set<string>>()
  readonly #byRole = new Map<number, Set<string>>()
  readonly #maxEntries: number
  readonly #maxAgeMs: number
  readonly #fallbackAgeMs: number
  readonly #clock: () => number

  constructor(options: VerifyCacheOptions, clock: () => number) {
    this.#maxEntries = options.maxEntries ?? 10_000
    this.#maxAgeMs = options.maxAgeMs ?? 300_000
    this.#fallbackAgeMs = options.fallbackAgeMs ?? 10_000
    this.#clock = clock
  }

  static hashOf(request: VerifyRequestKey): string {
    return createHash('sha256')
      .update(request.secretKey)
      .update(`\0${request.permissions ?? ''}\0${request.address ?? ''}`)
      .digest('base64url')
  }

  get size(): number {
    return this.#entries.size
  }

  /**
   * The cached answer for a request, if it may still be used. `vouched` says what the stream
   * of key changes knows: `'live'` while it is connected (every change reaches the cache), the
   * moment it was lost while it is down, or undefined without a stream.
   */
  get(hash: string, vouched: 'live' | number | undefined): VerifyApiKeyResponse | undefined {
    const entry = this.#entries.get(hash)
    if (!entry) return undefined
    const now = this.#clock()
    const fresh = now - entry.verifiedAt < this.#maxAgeMs && (vouched === 'live' || now - Math.max(entry.verifiedAt, vouched ?? 0) < this.#fallbackAgeMs)
    if (!fresh) {
      this.#drop(hash)
      return undefined
    }
    this.#entries.delete(hash)
    this.#entries.set(hash, entry)
    return entry.answer
  }

  /**
   * Keeps a positive answer. Answers that carry rate limits or credits are never kept: such a
   * key is asked about every time, so its limits and balance are counted by Keyward alone.
   */
  set(hash: string, answer: VerifyApiKeyResponse): void {
    if (!answer.valid || answer.keyID === undefined || answer.rateLimits !== undefined || answer.credits !== undefined) return
    this.#drop(hash)
    this.#entries.set(hash, { answer, verifiedAt: this.#clock() })
    index(this.#byKey, answer.keyID, hash)
    if (answer.roleID !== undefined) index(this.#byRole, answer.roleID, hash)
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break
      this.#drop(oldest)
    }
  }

  /** Drops every answer about a key. */
  dropKey(keyID: number): void {
    for (const hash of this.#byKey.get(keyID) ?? []) this.#drop(hash)
  }

  /** Drops every answer about a key of a role. */
  dropRole(roleID: number): void {
    for (const hash of this.#byRole.get(roleID) ?? []) this.#drop(hash)
  }

  clear(): void {
    this.#entries.clear()
    this.#byKey.clear()
    this.#byRole.clear()
  }

  #drop(hash: string): void {
    const entry = this.#entries.get(hash)
    if (!entry) return
    this.#entries.delete(hash)
    unindex(this.#byKey, entry.answer.keyID, hash)
    unindex(this.#byRole, entry.answer.roleID, hash)
  }
}

function index(map: Map<number, Set<string>>, id: number, hash: string): void {
  let hashes = map.get(id)
  if (!hashes) map.set(id, (hashes = new Set()))
  hashes.add(hash)
}

function unindex(map: Map<number, Set<string>>, id: number | undefined, hash: string): void {
  if (id === undefined) return
  const hashes = map.get(id)
  hashes?.delete(hash)
  if (hashes?.size === 0) map.delete(id)
}
