import SqliteDatabase from 'better-sqlite3'
import { performance } from 'node:perf_hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness, type TestResponse } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/** The issue asks for 100 ms; a loaded CI machine gets a margin, still far below a lock wait. */
const FAST_MS = 500

/**
 * Issue 11, case 3: another process holding SQLite's write lock (a `BEGIN IMMEDIATE` that does
 * not end) once stalled every request, because the busy wait ran on the event loop.
 */
describe.runIf(testEngine() === 'sqlite')('sqlite: a write lock held by another connection', () => {
  let h: Harness
  let blocker: SqliteDatabase.Database
  beforeAll(async () => {
    h = await Harness.start()
    blocker = new SqliteDatabase(h.database.url.replace(/^sqlite:/, ''))
  })
  afterAll(async () => {
    if (blocker.inTransaction) blocker.exec('ROLLBACK')
    blocker.close()
    await h.close()
  })

  const timed = async (request: () => Promise<TestResponse>) => {
    const start = performance.now()
    // inject() alone never leaves the microtask queue: let the write's I/O callbacks run too.
    await new Promise((resolve) => setImmediate(resolve))
    const res = await request()
    return { res, ms: performance.now() - start }
  }

  it('delays writes only: /healthz, reads and cached-key authentication answer at once', async () => {
    const secret = h.keys.fullAccess.secret
    expectStatus(await h.get('/api/apikeys/current', { secret }), 200)
    blocker.exec('BEGIN IMMEDIATE')
    let written: TestResponse | undefined
    const write = h.post('/api/apikeys', { secret, body: { keyName: 'waits-for-the-lock', roleID: 2 } }).then((res) => (written = res))
    // For a while (the write reaches the database within it): every answer must come at once.
    const until = performance.now() + 400
    while (performance.now() < until) {
      for (const request of [() => h.get('/healthz'), () => h.get('/api/apikeys/current', { secret })]) {
        const { res, ms } = await timed(request)
        expectStatus(res, 200)
        expect(ms, `answered in ${ms} ms`).toBeLessThan(FAST_MS)
      }
    }
    const read = await timed(() => h.get(`/api/apikeys/${h.keys.auditor.id}`, { secret }))
    expectStatus(read.res, 200)
    expect(read.ms, `a read answered in ${read.ms} ms`).toBeLessThan(FAST_MS)
    expect(written, 'the write went through while the lock was held').toBeUndefined()
    blocker.exec('COMMIT')
    expectStatus(await write, 200)
  })

  it('answers 503 with Retry-After when the lock is held past the statement timeout', async () => {
    const other = await h.otherProcess({ databaseStatementTimeoutMs: 200 })
    const japanese = await h.key({ locale: 'ja-JP' })
    blocker.exec('BEGIN IMMEDIATE')
    try {
      const res = await other.fastify.inject({
        method: 'POST',
        url: '/api/apikeys',
        headers: { 'api-version': 'v1', 'api-secret-key': japanese.secret, 'content-type': 'application/json' },
        payload: JSON.stringify({ keyName: 'gives-up', roleID: 2 }),
      })
      expect(res.statusCode, res.body).toBe(503)
      expect(res.headers['retry-after']).toBe('5')
      expect(res.json()).toEqual({ code: 'server.database_unavailable', message: expect.stringContaining('データベース') })
    } finally {
      blocker.exec('ROLLBACK')
    }
    expect(h.logs.join('')).toContain('database unavailable (busy: SQLITE_BUSY)')
  })
})
