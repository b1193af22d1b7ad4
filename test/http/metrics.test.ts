import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSecret } from '../../src/auth/secret-format.js'
import { loadConfig } from '../../src/config.js'
import { buildMetricsServer } from '../../src/metrics/metrics-server.js'
import { CLI_TEST_OPTIONS, startServer } from '../helpers/cli.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { createTestDatabase, testEngine } from '../helpers/test-database.js'

/** The value of one sample line (`name{labels} value`), or undefined when it is not there. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

describe(`${testEngine()}: metrics`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start({ authFailuresPerMinute: 7, changePollIntervalMs: 50, keyLockout: true })
  })
  afterAll(() => h.close())

  const scrape = async () => {
    const res = await buildMetricsServer(h.app.context.metrics).inject({ method: 'GET', url: '/metrics' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/plain; version=0.0.4')
    return res.body
  }

  it('counts requests by route and status, authentications by result and verifier cache lookups', async () => {
    const { secret } = await h.key()
    for (let i = 0; i < 3; i++) expectStatus(await h.get('/api/apikeys/current', { secret }), 200)
    expectStatus(await h.get('/api/apikeys/current', { secret: `${secret.slice(0, -8)}AAAAAAAA` }), 401)
    expectStatus(await h.get('/api/roles/999999', { secret }), 404)
    expectStatus(await h.request('POST', '/no-such-path', { apiVersion: null }), 404)
    expectStatus(await h.get('/healthz', { apiVersion: null }), 200)
    const text = await scrape()
    expect(sample(text, 'keyward_http_requests_seconds_count{method="GET",route="/api/apikeys/current",status="200"}'), text).toBe(3)
    expect(sample(text, 'keyward_http_requests_seconds_count{method="GET",route="/api/roles/:roleID",status="404"}'), text).toBe(1)
    expect(sample(text, 'keyward_http_requests_seconds_bucket{le="+Inf",method="GET",route="/api/apikeys/current",status="200"}'), text).toBe(3)
    // Once each: a request no route matched, under its own label, and a route outside /api.
    expect(sample(text, 'keyward_http_requests_seconds_count{method="POST",route="unmatched",status="404"}'), text).toBe(1)
    expect(sample(text, 'keyward_http_requests_seconds_count{method="GET",route="/healthz",status="200"}'), text).toBe(1)
    expect(sample(text, 'keyward_authentications_total{method="apikey",result="ok"}')).toBe(4)
    expect(sample(text, 'keyward_authentications_total{method="apikey",result="auth.secret_malformed"}')).toBe(1)
    expect(sample(text, 'keyward_verifier_cache_lookups_total{result="hit"}')).toBeGreaterThanOrEqual(3)
    expect(sample(text, 'keyward_verifier_cache_lookups_total{result="miss"}')).toBeGreaterThanOrEqual(1)
    expect(sample(text, 'keyward_verifier_cache_keys')).toBeGreaterThanOrEqual(1)
    expect(sample(text, 'keyward_database_errors_total')).toBe(0)
    expect(sample(text, 'keyward_process_cpu_user_seconds_total')).toBeGreaterThan(0)
    expect(text).not.toContain(secret)
  })

  // An onResponse hook anywhere makes Fastify put two listeners on every response.
  it('counts answers without an onResponse hook', () => {
    const routes = h.app.fastify.printRoutes({ commonPrefix: false, includeHooks: true })
    expect(routes).toContain('onSend')
    expect(routes).not.toContain('onResponse')
  })

  it('counts lock-outs and rate-limit refusals', async () => {
    const { id } = await h.key()
    // Seven failures from this address in a minute: the malformed secret above, five wrong
    // secrets that lock the key out, and one more; the next is refused.
    for (let i = 0; i < 6; i++) expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(id) }), 401)
    expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(id) }), 429)
    // The lock-out is counted by the failure bookkeeping, which runs after the answers.
    await h.app.context.failures.settled()
    expect(sample(await scrape(), 'keyward_lockouts_total{resource="apikey"}')).toBe(1)
    expect(sample(await scrape(), 'keyward_rate_limit_refusals_total')).toBe(1)
  })

  it("counts an administrator's lock-out once, however many failed sign-ins race past the threshold", async () => {
    const { username } = await h.administrator()
    const threshold = h.app.context.config.lockoutThreshold
    const signIns = Array.from({ length: threshold + 1 }, () => h.post('/api/session', { body: { username, password: 'Wrong-passw0rd' } }))
    for (const res of await Promise.all(signIns)) expectStatus(res, 401)
    expectStatus(await h.post('/api/session', { body: { username, password: 'Wrong-passw0rd' } }), 401)
    expect(sample(await scrape(), 'keyward_lockouts_total{resource="administrator"}')).toBe(1)
  })

  it('counts verifications by answer code', async () => {
    // Full Access has the verify right; the key it verifies is a fresh one with no rate limit.
    const service = await h.key()
    const { secret } = await h.key()
    const verify = (secretKey: string) => h.post('/api/apikeys/verify', { secret: service.secret, body: { secretKey } })
    for (let i = 0; i < 2; i++) expect((await verify(secret)).body.code).toBe('VALID')
    expect((await verify(createSecret(1))).body.code).toBe('NOT_FOUND')
    const text = await scrape()
    expect(sample(text, 'keyward_verifications_total{code="VALID"}'), text).toBe(2)
    expect(sample(text, 'keyward_verifications_total{code="NOT_FOUND"}'), text).toBe(1)
  })

  it(`reports the database pool's connections on PostgreSQL only`, async () => {
    const text = await scrape()
    const open = sample(text, 'keyward_database_pool_connections{state="open"}')
    if (testEngine() === 'postgres') {
      expect(open, text).toBeGreaterThanOrEqual(1)
      expect(sample(text, 'keyward_database_pool_connections{state="waiting"}')).toBe(0)
    } else expect(text).not.toContain('keyward_database_pool_connections')
  })

  it('measures how long a change made by another process takes to arrive', async () => {
    const other = await h.otherProcess()
    const { id } = await h.key()
    await other.context.services.apiKeys.modify(await other.context.systemPrincipal(), id, { active: false })
    await expect.poll(async () => sample(await scrape(), 'keyward_change_feed_lag_seconds_count')).toBeGreaterThanOrEqual(1)
  })

  it('is not served on the API address', async () => {
    expectStatus(await h.request('GET', '/metrics', { headers: { accept: 'text/plain' } }), 404)
  })
})

describe(`${testEngine()}: keyward serve with KEYWARD_METRICS_LISTEN`, () => {
  it('serves /metrics on its own address', CLI_TEST_OPTIONS, async () => {
    const database = await createTestDatabase()
    const server = await startServer({ KEYWARD_DATABASE_URL: database.url, KEYWARD_ADMIN_PASSWORD: 'Metrics-check-1', KEYWARD_METRICS_LISTEN: '127.0.0.1:0' })
    try {
      await fetch(`${server.url}/healthz`)
      await expect.poll(() => /metrics at (http:\/\/127\.0\.0\.1:\d+)\/metrics/.exec(server.output())?.[1]).toBeDefined()
      const metricsUrl = /metrics at (http:\/\/127\.0\.0\.1:\d+)\/metrics/.exec(server.output())![1]!
      const text = await (await fetch(`${metricsUrl}/metrics`)).text()
      expect(sample(text, 'keyward_http_requests_seconds_count{method="GET",route="/healthz",status="200"}'), text).toBe(1)
    } finally {
      await server.stop()
      await database.drop()
    }
  })

  it('refuses a listen address that is not host:port', () => {
    expect(() => loadConfig({ KEYWARD_METRICS_LISTEN: 'localhost:port' })).toThrow(/KEYWARD_METRICS_LISTEN must be host:port/)
    expect(loadConfig({ KEYWARD_METRICS_LISTEN: '9119' }).metricsListen).toEqual({ host: 'localhost', port: 9119 })
  })
})
