import type { FastifyBaseLogger } from 'fastify'
import { AdministratorService } from './administrators/service.js'
import { createAdministratorStore, type AdministratorStore } from './administrators/store.js'
import { ApiKeyService } from './apikeys/service.js'
import { AuditService } from './audit/service.js'
import { createAuditStore, type AuditStore } from './audit/store.js'
import { createApiKeyStore, type ApiKeyStore } from './apikeys/store.js'
import type { FailureRecorder } from './auth/failure-recorder.js'
import { FailureThrottle } from './auth/failure-throttle.js'
import { PasswordChecks } from './auth/password-checks.js'
import type { Principal } from './auth/principal.js'
import { SignInAttempts } from './auth/sign-in-attempts.js'
import { createSignInFailureStore } from './auth/sign-in-failure-store.js'
import { UsageRecorder } from './auth/usage-recorder.js'
import { Verifier } from './auth/verifier.js'
import type { Config } from './config.js'
import { DEFAULT_LOCALE } from './i18n/translate.js'
import { createLimitStore } from './limits/store.js'
import { UsageLimits } from './limits/usage-limits.js'
import { Metrics } from './metrics/metrics.js'
import { RoleDirectory } from './roles/role-directory.js'
import { FULL_ACCESS_ROLE_ID } from './roles/role.js'
import { RoleService } from './roles/service.js'
import { createRoleStore, type RoleStore } from './roles/store.js'
import { SessionService } from './sessions/service.js'
import { createSessionStore, type SessionStore } from './sessions/store.js'
import type { Store } from './store/store.js'
import type { Clock } from './time/clock.js'
import { DEFAULT_TIME_ZONE } from './time/time-zone.js'
import { KeyChangeStream } from './verify/key-changes.js'
import { VerifyService } from './verify/service.js'

const SESSION_SWEEP_INTERVAL_MS = 10 * 60_000
/** scrypt runs on libuv's pool (4 threads by default): two checks at once leave room for file I/O. */
const PASSWORD_CHECKS_AT_ONCE = 2
/** About a second of checks waiting: a real sign-in waits no longer than that behind a flood. */
const PASSWORD_CHECKS_WAITING = 16

export interface Services {
  readonly apiKeys: ApiKeyService
  readonly roles: RoleService
  readonly audit: AuditService
  readonly administrators: AdministratorService
  readonly sessions: SessionService
  readonly verify: VerifyService
  readonly keyChanges: KeyChangeStream
}

export interface Stores {
  readonly apiKeys: ApiKeyStore
  readonly roles: RoleStore
  readonly administrators: AdministratorStore
  readonly audit: AuditStore
  readonly sessions: SessionStore
}

/**
 * Everything a Keyward process runs on, wired once: stores, services and the authentication
 * machinery. The HTTP app and the CLI are both built on it.
 */
export class KeywardContext {
  readonly config: Config
  readonly store: Store
  readonly clock: Clock
  readonly stores: Stores
  readonly roleDirectory: RoleDirectory
  readonly services: Services
  readonly usage: UsageRecorder
  readonly verifier: Verifier
  /** Failed API authentications (keys, session cookies) per address. */
  readonly throttle: FailureThrottle
  readonly metrics: Metrics
  readonly failures: FailureRecorder
  readonly limits: UsageLimits
  /** Password (and second-factor) attempts: sign-in and re-authentication. */
  readonly signInAttempts: SignInAttempts

  constructor(config: Config, store: Store, clock: Clock, log?: FastifyBaseLogger) {
    this.config = config
    this.store = store
    this.clock = clock
    this.stores = {
      apiKeys: createApiKeyStore(store),
      roles: createRoleStore(store),
      administrators: createAdministratorStore(store),
      audit: createAuditStore(store),
      sessions: createSessionStore(store),
    }
    this.roleDirectory = new RoleDirectory(this.stores.roles, store.feed)
    this.metrics = new Metrics({
      verifierCacheSize: () => this.verifier.cacheSize,
      failedStatements: () => store.failedStatementCount,
      poolConnections: store.poolConnections,
    })
    store.feed.observeLag((ms) => this.metrics.changeHeard(ms))
    this.throttle = new FailureThrottle(config.authFailuresPerMinute, clock, () => this.metrics.rateLimitRefusal())
    this.limits = new UsageLimits(createLimitStore(store), clock)
    const defaultRateLimits = config.defaultRateLimit && [{ name: 'default', ...config.defaultRateLimit }]
    this.usage = new UsageRecorder(this.stores.apiKeys, log)
    this.verifier = new Verifier(
      { apiKeys: this.stores.apiKeys, roles: this.roleDirectory, feed: store.feed, usage: this.usage, clock, metrics: this.metrics, log },
      {
        lockoutThreshold: config.keyLockout ? config.lockoutThreshold : undefined,
        lockoutDurationMs: config.lockoutDurationMs,
        cacheSize: config.keyCacheSize,
        feedOutageGraceMs: config.feedOutageGraceMs,
        failureWriteIntervalMs: config.failureWriteIntervalMs,
      },
    )
    this.failures = this.verifier.failures
    this.signInAttempts = new SignInAttempts(
      {
        failures: createSignInFailureStore(store),
        administrators: this.stores.administrators,
        audit: this.stores.audit,
        // Its own throttle: failed API keys must not hold back sign-ins from the same address.
        throttle: new FailureThrottle(config.authFailuresPerMinute, clock, () => this.metrics.rateLimitRefusal()),
        passwords: new PasswordChecks(PASSWORD_CHECKS_AT_ONCE, PASSWORD_CHECKS_WAITING),
        clock,
        lockedOut: () => this.metrics.lockout('administrator'),
      },
      { threshold: config.lockoutThreshold, durationMs: config.lockoutDurationMs },
    )
    this.services = {
      apiKeys: new ApiKeyService({ store: this.stores.apiKeys, roles: this.roleDirectory, clock, defaultRateLimits, listPageSize: config.listPageSize }),
      roles: new RoleService({ store: this.stores.roles, directory: this.roleDirectory, clock }),
      audit: new AuditService({ store: this.stores.audit }),
      administrators: new AdministratorService({
        store: this.stores.administrators,
        roles: this.roleDirectory,
        clock,
        passwordPolicy: config.passwordPolicy,
        attempts: this.signInAttempts,
      }),
      sessions: new SessionService(
        {
          administrators: this.stores.administrators,
          sessions: this.stores.sessions,
          roles: this.roleDirectory,
          audit: this.stores.audit,
          attempts: this.signInAttempts,
          clock,
        },
        { idleTimeoutMs: config.sessionIdleTimeoutMs, maxDurationMs: config.sessionMaxDurationMs },
      ),
      verify: new VerifyService({
        verifier: this.verifier,
        roles: this.roleDirectory,
        throttle: this.throttle,
        limits: this.limits,
        clock,
        answered: (code) => this.metrics.verification(code),
      }),
      keyChanges: new KeyChangeStream({ audit: this.stores.audit, feed: store.feed }),
    }
  }

  #sweeper: NodeJS.Timeout | undefined

  /** Starts background work: batched writes of last sign-in times, removal of ended sessions. */
  start(): void {
    this.usage.start(this.config.usageFlushIntervalMs)
    this.limits.start()
    this.#sweeper = setInterval(() => void this.services.sessions.deleteExpired().catch(() => {}), SESSION_SWEEP_INTERVAL_MS)
    this.#sweeper.unref()
  }

  /** Stops background work and writes what is pending. */
  async stop(): Promise<void> {
    clearInterval(this.#sweeper)
    await this.usage.stop()
    await this.failures.settled()
    await this.limits.stop()
  }

  /**
   * Keyward itself as a principal with Full Access: the CLI, acting on the database directly
   * for bootstrap and recovery.
   */
  async systemPrincipal(name = 'cli'): Promise<Principal> {
    const role = await this.roleDirectory.get(FULL_ACCESS_ROLE_ID)
    if (!role) throw new Error('the Full Access role is missing: the database was not migrated')
    return { kind: 'system', id: 0, name, role, locale: DEFAULT_LOCALE, timeZone: DEFAULT_TIME_ZONE, address: undefined }
  }
}
