import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSecret } from '../../src/auth/secret-format.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { createTestDatabase, testEngine, type TestDatabase } from '../helpers/test-database.js'
import { TcpProxy } from './helpers/tcp-proxy.js'

const GRACE_MS = 10_000

/**
 * Issue 11, case 2 on PostgreSQL: while the server was down every call answered 500, cached
 * keys stopped working (losing the LISTEN connection emptied the cache), and a hung server made
 * requests and /readyz hang. The server is failed through a proxy: the shared one stays up.
 */
describe.runIf(testEngine() === 'postgres')('postgres: the server stopped, restarted, hung', () => {
  let database: TestDatabase
  let proxy: TcpProxy
  let h: Harness
  beforeAll(async () => {
    database = await createTestDatabase()
    const server = new URL(database.url)
    proxy = await TcpProxy.start({ host: server.hostname, port: Number(server.port || 5432) })
    h = await Harness.start({
      databaseUrl: proxy.url(database.url),
      feedOutageGraceMs: GRACE_MS,
      databaseStatementTimeoutMs: 500,
      databaseConnectTimeoutMs: 500,
    })
  })
  afterAll(async () => {
    await h?.close()
    await proxy?.close()
    await database?.drop()
  })

  const feedHears = (event: 'deaf' | 'all') =>
    new Promise<void>((resolve) => {
      const stop = h.app.context.store.feed.subscribe((change) => {
        if (change === event) {
          stop()
          resolve()
        }
      })
    })

  it('stopped: serves cached keys for the stated grace, then 503 (never 500), and recovers after the restart', async () => {
    const secret = h.keys.fullAccess.secret
    expectStatus(await h.get('/api/apikeys/current', { secret }), 200)
    const deaf = feedHears('deaf')
    await proxy.cut()
    await deaf

    expectStatus(await h.get('/api/apikeys/current', { secret }), 200)
    const write = await h.post('/api/apikeys', { secret, body: { keyName: 'while-down', roleID: 2 } })
    expectStatus(write, 503)
    expect(write.headers['retry-after']).toBe('5')
    expect(write.body.code).toBe('server.database_unavailable')
    const ready = await h.get('/readyz')
    expectStatus(ready, 503)
    expect(ready.body.problem).toBe('down')
    expect(h.logs.join('')).toMatch(/database unavailable \(down: (ECONNREFUSED|Connection terminated)/)

    // Past the grace, a cached key is checked against the database, which is down.
    h.clock.advance(GRACE_MS + 1)
    const stale = await h.get('/api/apikeys/current', { secret })
    expectStatus(stale, 503)
    expect(stale.body.code).toBe('server.database_unavailable')

    const heard = feedHears('all')
    await proxy.restore()
    await heard
    expectStatus(await h.get('/api/apikeys/current', { secret }), 200)
    expectStatus(await h.get('/readyz'), 200)
    expectStatus(await h.post('/api/apikeys', { secret, body: { keyName: 'after-restart', roleID: 2 } }), 200)
  })

  it('hung: /readyz answers 503 within a second and requests give up at their deadline', async () => {
    const secret = h.keys.fullAccess.secret
    expectStatus(await h.get('/api/apikeys/current', { secret }), 200)
    proxy.pause()
    try {
      let start = performance.now()
      const ready = await h.get('/readyz')
      const readyMs = performance.now() - start
      expectStatus(ready, 503)
      expect(ready.body.problem).toBe('timeout')
      // 900 ms by design; a loaded machine gets a margin.
      expect(readyMs).toBeLessThan(2000)

      start = performance.now()
      const read = await h.get(`/api/apikeys/${h.keys.auditor.id}`, { secret })
      const readMs = performance.now() - start
      expectStatus(read, 503)
      // The statement timeout (500 ms) plus the client's grace (1 s), with a margin.
      expect(readMs).toBeLessThan(4000)
    } finally {
      proxy.resume()
    }
    expectStatus(await h.get(`/api/apikeys/${h.keys.auditor.id}`, { secret }), 200)
  })

  it('hung: refuses unknown key IDs up to the highest from memory, and one above it 503 at the deadline, never 500', async () => {
    const secret = h.keys.fullAccess.secret
    const [, gone, last] = [await h.key(), await h.key(), await h.key()]
    await h.app.context.services.apiKeys.delete(h.system, gone.id)
    // The first unknown ID reads every key's ID.
    expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(last.id + 1_000) }), 401)
    proxy.pause()
    try {
      expectStatus(await h.get('/api/apikeys/current', { secret: gone.secret }), 401)
      const above = await h.get('/api/apikeys/current', { secret: createSecret(last.id + 2_000) })
      expectStatus(above, 503)
      expect(above.body.code).toBe('server.database_unavailable')
      expectStatus(await h.get('/api/apikeys/current', { secret }), 200)
    } finally {
      proxy.resume()
    }
    expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(last.id + 2_000) }), 401)
  })

  it('read-only: writes answer 503 naming 25006 and /readyz says read_only', async () => {
    const secret = h.keys.fullAccess.secret
    const name = new URL(database.url).pathname.slice(1)
    const admin = new pg.Client({ connectionString: process.env.KEYWARD_TEST_POSTGRES_URL })
    await admin.connect()
    try {
      await admin.query(`ALTER DATABASE ${name} SET default_transaction_read_only = on`)
      // Connections opened from now on only read: drop the ones open, through the proxy.
      const deaf = feedHears('deaf')
      await proxy.cut()
      await deaf
      const heard = feedHears('all')
      await proxy.restore()
      await heard
      const ready = await h.get('/readyz')
      expectStatus(ready, 503)
      expect(ready.body.problem).toBe('read_only')
      const write = await h.post('/api/apikeys', { secret, body: { keyName: 'read-only', roleID: 2 } })
      expectStatus(write, 503)
      expect(h.logs.join('')).toContain('database unavailable (read_only: 25006)')
    } finally {
      await admin.query(`ALTER DATABASE ${name} RESET default_transaction_read_only`)
      await admin.end()
    }
  })
})
