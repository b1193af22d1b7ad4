/**
 * Keyward's Prometheus metrics: one registry per app, and the hooks the rest of the code calls
 * to count what happens. Served by the metrics listener (`KEYWARD_METRICS_LISTEN`), never on the
 * API's address.
 *
 * @module
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type Metric } from 'prom-client'
import type { PoolConnections } from '../store/database.js'
import { FastCounter, RequestHistogram } from './hot-path-metrics.js'

/** What the metrics read when scraped rather than count as it happens. */
export interface MetricsSources {
  /** API keys the verifier holds in memory now. */
  readonly verifierCacheSize: () => number
  /** SQL statements that failed so far in this process. */
  readonly failedStatements: () => number
  /** The PostgreSQL pool's connections; undefined on SQLite, which has no pool. */
  readonly poolConnections: (() => PoolConnections) | undefined
}

const HIT = { result: 'hit' }
const MISS = { result: 'miss' }

export type AuthenticationMethod = 'apikey' | 'session'
export type LockedResource = 'apikey' | 'administrator'

export class Metrics {
  readonly registry = new Registry()
  readonly #requests = new RequestHistogram(
    'keyward_http_requests_seconds',
    'HTTP requests by method, route (the route pattern, not the path) and status, with their duration',
    [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  )
  readonly #authentications = new FastCounter(
    'keyward_authentications_total',
    'Authentications of API requests by method (API key or console session) and result (ok, or the error code)',
  )
  readonly #cacheLookups = new FastCounter('keyward_verifier_cache_lookups_total', 'Lookups of an API key in the verifier cache, by result (hit or miss)')
  readonly #verifications = new FastCounter('keyward_verifications_total', "Answers of the verify operation, by code (VALID or the refusal's code)")
  readonly #lockouts: Counter<'resource'>
  readonly #rateLimitRefusals: Counter
  readonly #changeFeedLag: Histogram

  constructor(sources: MetricsSources) {
    const registers = [this.registry]
    collectDefaultMetrics({ register: this.registry, prefix: 'keyward_' })
    for (const metric of [this.#requests, this.#authentications, this.#cacheLookups, this.#verifications])
      this.registry.registerMetric(metric as unknown as Metric)
    new Gauge({
      name: 'keyward_verifier_cache_keys',
      help: 'API keys the verifier holds in memory',
      registers,
      collect() {
        this.set(sources.verifierCacheSize())
      },
    })
    this.#lockouts = new Counter({
      name: 'keyward_lockouts_total',
      help: 'Automatic lock-outs after too many failed attempts, by resource (apikey or administrator)',
      labelNames: ['resource'],
      registers,
    })
    this.#rateLimitRefusals = new Counter({
      name: 'keyward_rate_limit_refusals_total',
      help: 'Requests refused with 429 because their address failed to authenticate too often',
      registers,
    })
    const { poolConnections } = sources
    if (poolConnections) {
      new Gauge({
        name: 'keyward_database_pool_connections',
        help: "The PostgreSQL pool's connections by state: open, idle, and waiting (queries waiting for a connection)",
        labelNames: ['state'],
        registers,
        collect() {
          const { open, idle, waiting } = poolConnections()
          this.set({ state: 'open' }, open)
          this.set({ state: 'idle' }, idle)
          this.set({ state: 'waiting' }, waiting)
        },
      })
    }
    let failedBefore = 0
    new Counter({
      name: 'keyward_database_errors_total',
      help: 'SQL statements that failed (connection lost, timeout, constraint…)',
      registers,
      collect() {
        const failed = sources.failedStatements()
        this.inc(failed - failedBefore)
        failedBefore = failed
      },
    })
    this.#changeFeedLag = new Histogram({
      name: 'keyward_change_feed_lag_seconds',
      help: 'Time from a change committed by another process to this process hearing of it',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    })
  }

  request(method: string, route: string, status: number, seconds: number): void {
    this.#requests.observe(method, route, status, seconds)
  }

  authentication(method: AuthenticationMethod, result: string): void {
    // A key per method and result; the common one ('ok') is a constant, not a new string.
    this.#authentications.inc(result === 'ok' ? method : `${method} ${result}`, { method, result })
  }

  cacheLookup(isHit: boolean): void {
    if (isHit) this.#cacheLookups.inc('hit', HIT)
    else this.#cacheLookups.inc('miss', MISS)
  }

  verification(code: string): void {
    this.#verifications.inc(code, { code })
  }

  lockout(resource: LockedResource): void {
    this.#lockouts.inc({ resource })
  }

  rateLimitRefusal(): void {
    this.#rateLimitRefusals.inc()
  }

  changeHeard(lagMs: number): void {
    this.#changeFeedLag.observe(Math.max(0, lagMs) / 1000)
  }

  /** The Prometheus text exposition of every metric. */
  render(): Promise<string> {
    return this.registry.metrics()
  }
}
