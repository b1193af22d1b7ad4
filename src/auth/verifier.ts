import type { FastifyBaseLogger } from 'fastify'
import type { ApiKeyStore } from '../apikeys/store.js'
import type { ApiKeyRecord } from '../apikeys/api-key.js'
import { auditRecord } from '../audit/audit-record.js'
import type { ErrorCode } from '../errors/error-codes.js'
import { KeywardError } from '../errors/keyward-error.js'
import type { RoleDirectory } from '../roles/role-directory.js'
import type { Role } from '../roles/role.js'
import type { Metrics } from '../metrics/metrics.js'
import type { ChangeFeed } from '../store/change-feed.js'
import type { Clock } from '../time/clock.js'
import { FailureRecorder, type FailureTally } from './failure-recorder.js'
import { isAddressAllowed } from './ip-allow-list.js'
import { KnownKeyIds } from './known-key-ids.js'
import type { ApiKeyPrincipal } from './principal.js'
import { claimedKeyId, hashSecret, parseSecret, secretMatchesHash } from './secret-format.js'
import type { UsageRecorder } from './usage-recorder.js'
import { ABSENT, VerifierCache, type CacheEntry } from './verifier-cache.js'

/**
 * A key whose secret was right but that may not authenticate (locked, expired, its role or
 * the address refused): the key travels with the error, for the verify operation's answer.
 */
export class KeyRefusedError extends KeywardError {
  readonly record: ApiKeyRecord

  constructor(code: ErrorCode, record: ApiKeyRecord) {
    // Only the secret's holder gets here, so answering in the key's language tells nobody else anything.
    super(code, {}, { locale: record.locale })
    this.record = record
  }
}

export interface VerifierOptions {
  /** Failed attempts that lock a key out; undefined when automatic key lock-out is off. */
  readonly lockoutThreshold: number | undefined
  readonly lockoutDurationMs: number
  readonly cacheSize: number
  /** How long cached keys are trusted after the change feed lost its connection, in ms. */
  readonly feedOutageGraceMs: number
  /** How often the failure bookkeeping is written, in ms (see {@link FailureRecorder}). */
  readonly failureWriteIntervalMs: number
}

export interface VerifierDependencies {
  readonly apiKeys: ApiKeyStore
  readonly roles: RoleDirectory
  readonly feed: ChangeFeed
  readonly usage: UsageRecorder
  readonly clock: Clock
  readonly metrics?: Metrics
  readonly log?: FastifyBaseLogger
}

/** How a bad secret is refused: without a stack trace, as floods of them are refused one by one. */
const REFUSAL = { stack: false } as const

/**
 * How often, at most, IDs above the highest known are read while secrets name such IDs: the
 * longest a key created by another process a moment ago waits on its first use here.
 */
const NEW_KEY_IDS_INTERVAL_MS = 50

/** Compared against when a key ID is unknown, so that costs what a wrong secret costs. */
const DECOY_HASH = hashSecret('keyward decoy')

/**
 * Verifies API secret keys. A valid key that is cached costs a parse, a checksum, one SHA-256
 * and a constant-time compare: no I/O. Unlocks are written at once; failed attempts (and the
 * lock-outs they may cause) and the reset of a count after the answer, by the {@link FailureRecorder}; "last
 * sign-in" is batched by the {@link UsageRecorder}.
 */
export class Verifier {
  /** The bookkeeping of this verifier's failures and of the successes that clear them. */
  readonly failures: FailureRecorder
  readonly #deps: VerifierDependencies
  readonly #options: VerifierOptions
  readonly #cache: VerifierCache
  readonly #loading = new Map<number, Promise<CacheEntry>>()
  /** Which IDs may have a key: an unknown ID is refused without a statement. */
  readonly #known: KnownKeyIds
  /** When the change feed went deaf, by `clock`; undefined while it hears every change. */
  #deafSince: number | undefined

  constructor(deps: VerifierDependencies, options: VerifierOptions) {
    this.#deps = deps
    this.#options = options
    this.#cache = new VerifierCache(options.cacheSize)
    this.#known = new KnownKeyIds(deps.apiKeys, NEW_KEY_IDS_INTERVAL_MS)
    this.failures = new FailureRecorder((id, tally) => this.#writeTally(id, tally), options.failureWriteIntervalMs, deps.log)
    deps.feed.subscribe((change) => {
      if (change === 'deaf') {
        this.#deafSince ??= deps.clock()
        // Keys created by others go unheard: every unknown ID is looked up until the feed is back.
        this.#known.reset()
      } else if (change === 'all') {
        this.#deafSince = undefined
        this.#cache.clear()
        this.#known.reset()
      } else if (change.resource === 'apikey') {
        this.#cache.delete(change.id)
        this.#known.heard(change.id)
      }
    })
  }

  /** How many keys the cache holds now. */
  get cacheSize(): number {
    return this.#cache.size
  }

  /**
   * Authenticates a secret and returns the principal it stands for: synchronously when the key
   * is cached and nothing needs writing (the common case), else as a promise.
   *
   * Only the holder of the right secret learns that a key is locked or expired; an unknown
   * key ID and a wrong secret get the same answer. The checks run in this order: the secret,
   * locked, expired, the role's web-service access, the key's IP allow-list (against
   * `address`); a wrong secret counts toward the key's lock-out.
   *
   * @throws KeywardError `auth.secret_malformed`, `auth.secret_invalid` (401), or a
   * {@link KeyRefusedError}: `auth.key_locked`, `auth.key_expired` (401),
   * `auth.web_service_denied`, `auth.address_not_allowed` (403); or rejects with one of them.
   */
  verify(secret: string, address: string | undefined): ApiKeyPrincipal | Promise<ApiKeyPrincipal> {
    if (this.#deafSince !== undefined) this.#distrustCacheAfterGrace()
    // A secret whose hash equals a cached key's is that key's secret, checksum included, so
    // the common case skips the checksum; every other case checks it before any lookup.
    const id = claimedKeyId(secret)
    const entry = id === undefined ? undefined : this.#cache.get(id)
    this.#deps.metrics?.cacheLookup(entry !== undefined)
    if (entry !== undefined && entry !== ABSENT) {
      const record = entry
      const now = this.#deps.clock()
      const role = this.#deps.roles.peek(record.roleId)
      const isPlain = record.active && (record.expiryDate === undefined || now <= record.expiryDate) && isAddressAllowed(record.ipAllowList, address)
      // A count to clear is written after the answer, so a right secret after wrong ones stays
      // here too (during a flood of wrong secrets for this key, that is every right one).
      if (isPlain && role && secretMatchesHash(secret, record.secretHash) && !this.#mayBeLockedOut(record)) {
        if (!role.allowWebService) throw new KeyRefusedError('auth.web_service_denied', record)
        return this.#signedIn(this.#clearingFailures(record), role, now, address)
      }
    }
    const checkedId = parseSecret(secret)
    if (checkedId === undefined) throw new KeywardError('auth.secret_malformed', {}, REFUSAL)
    return this.#verifyWithIo(checkedId, secret, address)
  }

  /**
   * While the change feed is deaf, another process may lock or delete a key unheard: cached
   * keys are trusted for the grace period only, then every verification asks the database (a
   * database that is down too answers 503).
   */
  #distrustCacheAfterGrace(): void {
    if (this.#deps.clock() - this.#deafSince! <= this.#options.feedOutageGraceMs) return
    this.#cache.clear()
    this.#deps.roles.invalidate()
  }

  /** The full verification, which may read (a cache miss) or write (a failure, an unlock). */
  async #verifyWithIo(id: number, secret: string, address: string | undefined): Promise<ApiKeyPrincipal> {
    const entry = this.#cache.get(id) ?? (await this.#load(id))
    const matches = secretMatchesHash(secret, entry === ABSENT ? DECOY_HASH : entry.secretHash)
    if (entry === ABSENT || !matches) {
      if (entry !== ABSENT) this.#countFailure(entry, address)
      throw new KeywardError('auth.secret_invalid', {}, REFUSAL)
    }
    if (this.#mayBeLockedOut(entry)) {
      // Failures noted but not yet written reach the threshold: the key is locked once they are.
      await this.failures.settled()
      return this.#verifyWithIo(id, secret, address)
    }

    const now = this.#deps.clock()
    let record = entry
    if (!record.active) record = await this.#unlockIfDue(record, now)
    if (record.expiryDate !== undefined && now > record.expiryDate) throw new KeyRefusedError('auth.key_expired', record)
    const role = await this.#deps.roles.get(record.roleId)
    if (!role) throw new KeywardError('auth.secret_invalid')
    if (!role.allowWebService) throw new KeyRefusedError('auth.web_service_denied', record)
    if (!isAddressAllowed(record.ipAllowList, address)) throw new KeyRefusedError('auth.address_not_allowed', record)
    return this.#signedIn(this.#clearingFailures(record), role, now, address)
  }

  /** A right secret restarts its key's count: noted for the bookkeeping, and 0 in the answer at once. */
  #clearingFailures(record: ApiKeyRecord): ApiKeyRecord {
    if (record.unsuccessfulSignInAttempts === 0 && !this.failures.has(record.id)) return record
    this.failures.succeeded(record.id)
    return { ...record, unsuccessfulSignInAttempts: 0 }
  }

  #signedIn(record: ApiKeyRecord, role: Role, now: number, address: string | undefined): ApiKeyPrincipal {
    this.#deps.usage.record(record.id, now, address)
    return {
      kind: 'apikey',
      id: record.id,
      name: record.keyName,
      role,
      locale: record.locale,
      timeZone: record.timeZone,
      address,
      apiKey: record,
      signedInAt: now,
    }
  }

  async #load(id: number): Promise<CacheEntry> {
    const mayExist = this.#known.mayExist(id)
    if (mayExist === false) return ABSENT
    let loading = this.#loading.get(id)
    if (!loading) {
      const generation = this.#cache.generation
      // An ID above the highest known is looked up only if the read of newer IDs found it; its
      // "no key" is cached like a look-up's, so asking for it again costs no read.
      loading = Promise.resolve(mayExist)
        .then((may) => (may ? this.#deps.apiKeys.findById(id) : undefined))
        .then(async (record) => {
          const entry: CacheEntry = record ?? ABSENT
          this.#cache.set(id, entry, generation)
          if (entry === ABSENT && generation === this.#cache.generation) await this.#noKey(id)
          return entry
        })
      this.#loading.set(id, loading)
      void loading.catch(() => {}).finally(() => this.#loading.delete(id))
    }
    return loading
  }

  /**
   * A look-up found no key with this ID: the known IDs forget it, or, at the first unknown ID,
   * are loaded before it is refused (a refusal can wait; the next unknown ID costs no statement).
   */
  async #noKey(id: number): Promise<void> {
    this.#known.forget(id)
    if (this.#deafSince === undefined) await this.#known.load()
  }

  /** Notes a failure of `record`; one that may lock it out is written at once, not after the interval. */
  #countFailure(record: ApiKeyRecord, address: string | undefined): void {
    this.failures.failed(record.id, address)
    if (this.#mayBeLockedOut(record)) this.failures.flushSoon()
  }

  #mayBeLockedOut(record: ApiKeyRecord): boolean {
    const threshold = this.#options.lockoutThreshold
    return threshold !== undefined && record.active && record.unsuccessfulSignInAttempts + this.failures.unwritten(record.id) >= threshold
  }

  /**
   * Writes a key's tally, and caches the row it wrote in place of the key: the next attempt
   * must not pay for a read that an unknown key ID does not.
   */
  async #writeTally(id: number, tally: FailureTally): Promise<void> {
    const generation = this.#cache.generation
    if (tally.failures === 0) {
      const record = await this.#deps.apiKeys.resetFailedAttempts(id)
      if (record) this.#cache.set(id, record, generation)
      return
    }
    const written = await this.#countFailures(id, tally)
    // Its change notice dropped the key from the cache, one generation on; a change of anyone
    // else heard meanwhile moved it further, and the key is read again on its next use.
    if (written) this.#cache.set(id, written.record, generation + 1)
  }

  #countFailures(id: number, tally: FailureTally) {
    const { lockoutThreshold, lockoutDurationMs } = this.#options
    const now = this.#deps.clock()
    const address = tally.address
    return this.#deps.apiKeys.recordFailedAttempts(id, tally, lockoutThreshold, now, now + lockoutDurationMs, (locked) => {
      this.#deps.metrics?.lockout('apikey')
      return auditRecord(
        { kind: 'anonymous', name: address ?? 'unknown client', address },
        {
          action: 'apikey.auto_lock',
          resourceType: 'apikey',
          resourceId: locked.id,
          resourceName: locked.keyName,
          changes: {
            active: { from: true, to: false },
            unlockTime: { to: locked.unlockTime },
            unsuccessfulSignInAttempts: { to: locked.unsuccessfulSignInAttempts },
          },
        },
        now,
      )
    })
  }

  /** @throws KeywardError `auth.key_locked` unless the key's lock-out time has passed. */
  async #unlockIfDue(record: ApiKeyRecord, now: number): Promise<ApiKeyRecord> {
    if (record.unlockTime === undefined || record.unlockTime > now) throw new KeyRefusedError('auth.key_locked', record)
    const unlocked = (await this.#deps.apiKeys.unlockIfDue(record.id, now)) ?? (await this.#deps.apiKeys.findById(record.id))
    if (!unlocked) throw new KeywardError('auth.secret_invalid')
    if (!unlocked.active) throw new KeyRefusedError('auth.key_locked', unlocked)
    return unlocked
  }
}
