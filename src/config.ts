/**
 * Every Keyward setting, read once from the environment (and CLI flags), typed and frozen.
 *
 * @module
 */
import { MAX_RATE_LIMIT, MAX_RATE_LIMIT_DURATION_MS, MIN_RATE_LIMIT_DURATION_MS } from './limits/schema.js'

export interface Config {
  /** Address to listen on. */
  readonly host: string
  readonly port: number
  /** `sqlite:<file>` (default `sqlite:./data/keyward.db`) or `postgres://…`. */
  readonly databaseUrl: string
  /** Password of the `admin` created on first start; generated and printed once when unset. */
  readonly adminPassword: string | undefined
  readonly logLevel: string
  /** Consecutive failed authentications of one key (or sign-ins of one administrator) before lock-out. */
  readonly lockoutThreshold: number
  /** How long an automatic lock-out lasts, in ms. */
  readonly lockoutDurationMs: number
  /** Failed authentications allowed from one client address per minute before 429. */
  readonly authFailuresPerMinute: number
  /**
   * Whether failed authentications lock an API key out automatically. Off by default: a key's
   * 256-bit secret cannot be guessed, so the lock-out would only let anyone who knows a key
   * ID (it is inside every secret) lock that key.
   */
  readonly keyLockout: boolean
  /** How often batched "last sign-in" times are written, in ms. */
  readonly usageFlushIntervalMs: number
  /** How often failed authentications of API keys (and the successes that clear them) are written, in ms. */
  readonly failureWriteIntervalMs: number
  /** How often a process looks for changes made by other processes on SQLite, in ms. */
  readonly changePollIntervalMs: number
  /** How many API keys the verifier keeps in memory. */
  readonly keyCacheSize: number
  /** How many API keys a list (`GET /api/apikeys`) reads and sends at once. */
  readonly listPageSize: number
  /** A search's `countTotal` stops counting past this many matches and says its total is a lower bound. */
  readonly searchCountLimit: number
  /** Largest accepted request body, in bytes. */
  readonly bodyLimitBytes: number
  /** A request must arrive whole (headers and body) within this long, in ms, or it is answered 408. */
  readonly requestTimeoutMs: number
  /** A request's headers must arrive within this long, in ms (at most `requestTimeoutMs`). */
  readonly headersTimeoutMs: number
  /**
   * Trust `X-Forwarded-*` headers from reverse proxies: their addresses/CIDRs (comma-separated),
   * or how many hops of proxies stand in front; `false` trusts none.
   */
  readonly trustProxy: false | number | string
  /** A console session ends after this long without a request, in ms. */
  readonly sessionIdleTimeoutMs: number
  /** A console session ends this long after sign-in whatever happens, in ms. */
  readonly sessionMaxDurationMs: number
  readonly passwordPolicy: PasswordPolicy
  /** How long opening a PostgreSQL connection (or waiting for a free one) may take, in ms. */
  readonly databaseConnectTimeoutMs: number
  /** How long one statement may run (PostgreSQL) or wait for the write lock (SQLite), in ms. */
  readonly databaseStatementTimeoutMs: number
  /** The rate limit a key created through the API gets unless it says otherwise; undefined for none. */
  readonly defaultRateLimit: { readonly limit: number; readonly duration: number } | undefined
  /** SQLite's `synchronous`: `full` keeps every acknowledged commit through a power cut; `normal` is faster and may lose the last ones. */
  readonly sqliteSynchronous: 'full' | 'normal'
  /** On SIGTERM, how long answers in flight may take to finish before they are cut (and the exit code says so), in ms. */
  readonly shutdownTimeoutMs: number
  /** How long cached keys are trusted while the change feed is down (changes of other processes unheard), in ms. */
  readonly feedOutageGraceMs: number
  /** PEM certificate (chain) and private key files: with both, Keyward serves HTTPS only. */
  readonly tlsCertFile: string | undefined
  readonly tlsKeyFile: string | undefined
  /** Where `GET /metrics` listens (`host:port`), apart from the API; off when unset. */
  readonly metricsListen: ListenAddress | undefined
}

export interface ListenAddress {
  readonly host: string
  readonly port: number
}

/** What an administrator's password must satisfy. */
export interface PasswordPolicy {
  readonly minLength: number
  readonly requireLettersAndNumbers: boolean
  readonly requireMixedCase: boolean
  readonly requireSpecialCharacters: boolean
  readonly notSameAsUsername: boolean
}

export type ConfigOverrides = Partial<Config>

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/**
 * Reads a duration such as `30m`, `1h`, `250ms` or a bare number of milliseconds.
 *
 * @throws Error naming the setting when the value is not a duration.
 */
export function parseDuration(name: string, value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/.exec(value)
  if (!match) throw new Error(`${name} must be a duration such as 500ms, 30s, 30m or 1h (got "${value}")`)
  return Math.round(Number(match[1]) * DURATION_UNITS[match[2] ?? 'ms']!)
}

function parseInteger(name: string, value: string, min: number): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min} (got "${value}")`)
  return n
}

/**
 * Reads a rate limit such as `500/1m` (500 per minute), or `none`.
 *
 * @throws Error naming the setting when the value is neither.
 */
export function parseRateLimit(name: string, value: string): Config['defaultRateLimit'] {
  if (value.trim() === 'none') return undefined
  const [count, duration, extra] = value.split('/')
  const limit = count === undefined ? NaN : Number(count.trim())
  const ms = duration === undefined || extra !== undefined ? NaN : parseDuration(name, duration)
  // The bounds of a key's rate limit, which this becomes.
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RATE_LIMIT || !(ms >= MIN_RATE_LIMIT_DURATION_MS && ms <= MAX_RATE_LIMIT_DURATION_MS)) {
    throw new Error(`${name} must be <limit>/<duration> such as 500/1m (limit 1 to 1000000, duration 1s to 30d), or none (got "${value}")`)
  }
  return { limit, duration: ms }
}

function parseBoolean(name: string, value: string): boolean {
  if (value === 'true') return true
  if (value === 'false') return false
  throw new Error(`${name} must be true or false (got "${value}")`)
}

function parseChoice<T extends string>(name: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) throw new Error(`${name} must be one of ${choices.join(', ')} (got "${value}")`)
  return value as T
}

/**
 * @throws Error for `true`: it would trust `X-Forwarded-For` from any client, so anyone could
 * choose the address that throttles and lock-outs count against.
 */
function parseTrustProxy(value: string): false | number | string {
  if (value === 'true') {
    throw new Error(
      "KEYWARD_TRUST_PROXY=true would trust X-Forwarded-For from any client: give the proxies' addresses or CIDRs (e.g. 10.0.0.5,10.1.0.0/16) or their number of hops (e.g. 1)",
    )
  }
  if (value === 'false' || value === '') return false
  if (/^\d+$/.test(value)) return parseInteger('KEYWARD_TRUST_PROXY', value, 1)
  return value
}

/**
 * Builds the configuration from environment variables (`KEYWARD_*`) with explicit overrides on
 * top (CLI flags, tests).
 *
 * @throws Error naming the first setting that has an invalid value.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const get = (name: string, fallback: string): string => env[name] ?? fallback
  const config: Config = {
    host: get('KEYWARD_HOST', 'localhost'),
    port: parseInteger('KEYWARD_PORT', get('KEYWARD_PORT', '4119'), 0),
    databaseUrl: get('KEYWARD_DATABASE_URL', 'sqlite:./data/keyward.db'),
    adminPassword: env.KEYWARD_ADMIN_PASSWORD || undefined,
    logLevel: get('KEYWARD_LOG_LEVEL', 'info'),
    lockoutThreshold: parseInteger('KEYWARD_LOCKOUT_THRESHOLD', get('KEYWARD_LOCKOUT_THRESHOLD', '5'), 1),
    lockoutDurationMs: parseDuration('KEYWARD_LOCKOUT_DURATION', get('KEYWARD_LOCKOUT_DURATION', '30m')),
    authFailuresPerMinute: parseInteger('KEYWARD_AUTH_FAILURES_PER_MINUTE', get('KEYWARD_AUTH_FAILURES_PER_MINUTE', '30'), 1),
    keyLockout: parseBoolean('KEYWARD_KEY_LOCKOUT', get('KEYWARD_KEY_LOCKOUT', 'false')),
    usageFlushIntervalMs: parseDuration('KEYWARD_USAGE_FLUSH_INTERVAL', get('KEYWARD_USAGE_FLUSH_INTERVAL', '1s')),
    failureWriteIntervalMs: parseDuration('KEYWARD_FAILURE_WRITE_INTERVAL', get('KEYWARD_FAILURE_WRITE_INTERVAL', '1s')),
    // Issue 12: 250 ms missed the 300 ms p99 goal for SQLite nodes; a poll costs no idle CPU that can be measured (bench/README.md).
    changePollIntervalMs: parseDuration('KEYWARD_CHANGE_POLL_INTERVAL', get('KEYWARD_CHANGE_POLL_INTERVAL', '50ms')),
    keyCacheSize: parseInteger('KEYWARD_KEY_CACHE_SIZE', get('KEYWARD_KEY_CACHE_SIZE', '100000'), 1),
    listPageSize: parseInteger('KEYWARD_LIST_PAGE_SIZE', get('KEYWARD_LIST_PAGE_SIZE', '1000'), 1),
    // Issue 12: an exact count of a million keys costs PostgreSQL ~200 ms, more than the 20 ms a search page may take.
    searchCountLimit: parseInteger('KEYWARD_SEARCH_COUNT_LIMIT', get('KEYWARD_SEARCH_COUNT_LIMIT', '10000'), 1),
    bodyLimitBytes: parseInteger('KEYWARD_BODY_LIMIT', get('KEYWARD_BODY_LIMIT', '1048576'), 1024),
    requestTimeoutMs: parseDuration('KEYWARD_REQUEST_TIMEOUT', get('KEYWARD_REQUEST_TIMEOUT', '30s')),
    headersTimeoutMs: parseDuration('KEYWARD_HEADERS_TIMEOUT', get('KEYWARD_HEADERS_TIMEOUT', '10s')),
    trustProxy: parseTrustProxy(get('KEYWARD_TRUST_PROXY', 'false')),
    sessionIdleTimeoutMs: parseDuration('KEYWARD_SESSION_IDLE_TIMEOUT', get('KEYWARD_SESSION_IDLE_TIMEOUT', '30m')),
    sessionMaxDurationMs: parseDuration('KEYWARD_SESSION_MAX_DURATION', get('KEYWARD_SESSION_MAX_DURATION', '12h')),
    passwordPolicy: {
      minLength: parseInteger('KEYWARD_PASSWORD_MIN_LENGTH', get('KEYWARD_PASSWORD_MIN_LENGTH', '8'), 1),
      requireLettersAndNumbers: parseBoolean('KEYWARD_PASSWORD_REQUIRE_LETTERS_AND_NUMBERS', get('KEYWARD_PASSWORD_REQUIRE_LETTERS_AND_NUMBERS', 'true')),
      requireMixedCase: parseBoolean('KEYWARD_PASSWORD_REQUIRE_MIXED_CASE', get('KEYWARD_PASSWORD_REQUIRE_MIXED_CASE', 'false')),
      requireSpecialCharacters: parseBoolean('KEYWARD_PASSWORD_REQUIRE_SPECIAL_CHARACTERS', get('KEYWARD_PASSWORD_REQUIRE_SPECIAL_CHARACTERS', 'false')),
      notSameAsUsername: parseBoolean('KEYWARD_PASSWORD_NOT_SAME_AS_USERNAME', get('KEYWARD_PASSWORD_NOT_SAME_AS_USERNAME', 'true')),
    },
    databaseConnectTimeoutMs: parseDuration('KEYWARD_DATABASE_CONNECT_TIMEOUT', get('KEYWARD_DATABASE_CONNECT_TIMEOUT', '5s')),
    databaseStatementTimeoutMs: parseDuration('KEYWARD_DATABASE_STATEMENT_TIMEOUT', get('KEYWARD_DATABASE_STATEMENT_TIMEOUT', '10s')),
    // The model product allows 500 API calls per key per minute by default.
    defaultRateLimit: parseRateLimit('KEYWARD_DEFAULT_RATE_LIMIT', get('KEYWARD_DEFAULT_RATE_LIMIT', '500/1m')),
    tlsCertFile: env.KEYWARD_TLS_CERT || undefined,
    tlsKeyFile: env.KEYWARD_TLS_KEY || undefined,
    metricsListen: env.KEYWARD_METRICS_LISTEN ? parseListenAddress('KEYWARD_METRICS_LISTEN', env.KEYWARD_METRICS_LISTEN) : undefined,
    sqliteSynchronous: parseChoice('KEYWARD_SQLITE_SYNCHRONOUS', get('KEYWARD_SQLITE_SYNCHRONOUS', 'full'), ['full', 'normal'] as const),
    shutdownTimeoutMs: parseDuration('KEYWARD_SHUTDOWN_TIMEOUT', get('KEYWARD_SHUTDOWN_TIMEOUT', '10s')),
    feedOutageGraceMs: parseDuration('KEYWARD_FEED_OUTAGE_GRACE', get('KEYWARD_FEED_OUTAGE_GRACE', '10s')),
    ...withoutUndefined(overrides),
  }
  if ((config.tlsCertFile === undefined) !== (config.tlsKeyFile === undefined)) {
    throw new Error('KEYWARD_TLS_CERT and KEYWARD_TLS_KEY (--tls-cert and --tls-key) go together: set both to serve HTTPS, or neither')
  }
  if (config.requestTimeoutMs < 1 || config.headersTimeoutMs < 1 || config.headersTimeoutMs > config.requestTimeoutMs) {
    throw new Error('KEYWARD_HEADERS_TIMEOUT and KEYWARD_REQUEST_TIMEOUT must be positive, and the headers timeout at most the request timeout')
  }
  return Object.freeze(config)
}

/** Reads `host:port` (or a bare port, on localhost) for the metrics listener. */
export function parseListenAddress(name: string, value: string): ListenAddress {
  const match = /^(?:(.+):)?(\d{1,5})$/.exec(value.trim())
  const port = Number(match?.[2])
  if (!match || port > 65535) throw new Error(`${name} must be host:port or a port, e.g. 127.0.0.1:9119 (got "${value}")`)
  return { host: (match[1] ?? 'localhost').replace(/^\[(.*)\]$/, '$1'), port }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
