import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: verify hot path`, () => {
  let h: Harness
  beforeAll(async () => {
    // Usage is flushed only when asked, so any query in the loop below would be the hot path's.
    h = await Harness.start({ usageFlushIntervalMs: 3_600_000 })
  })
  afterAll(() => h.close())

  it('authenticates a cached, valid key without a single SQL statement', async () => {
    const key = await h.key()
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    const before = h.app.context.store.queryCount
    for (let i = 0; i < 50; i++) expectStatus(await h.get('/api/apikeys/current', { secret: key.secret, scheme: i % 2 ? 'ApiKey' : undefined }), 200)
    expect(h.app.context.store.queryCount - before).toBe(0)
  })

  it('answers a flood of unknown key IDs from the cache after the first miss', async () => {
    const { createSecret } = await import('../../src/auth/secret-format.js')
    const unknown = createSecret(777_777)
    expectStatus(await h.get('/api/apikeys/current', { secret: unknown }), 401)
    const before = h.app.context.store.queryCount
    for (let i = 0; i < 20; i++) expectStatus(await h.get('/api/apikeys/current', { secret: unknown }), 401)
    expect(h.app.context.store.queryCount - before).toBe(0)
  })

  it('rejects malformed secrets without touching the database', async () => {
    const before = h.app.context.store.queryCount
    for (const secret of ['x', 'kw_1_short', `kw_1_${'A'.repeat(49)}`]) expectStatus(await h.get('/api/apikeys/current', { secret }), 401)
    expect(h.app.context.store.queryCount - before).toBe(0)
  })

  it('writes last sign-in in a batch, one update per key used, not per request', async () => {
    const [first, second] = [await h.key(), await h.key()]
    // Nothing else pending: the batch below holds exactly the two keys used after this.
    await h.app.context.usage.flush()
    for (let i = 0; i < 5; i++) for (const key of [first, second]) expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    expect((await h.row(first.id))?.last_sign_in).toBeNull()
    const before = h.app.context.store.queryCount
    await h.app.context.usage.flush()
    const statements = h.app.context.store.queryCount - before
    for (const key of [first, second]) {
      const row = await h.row(key.id)
      expect(Number(row?.last_sign_in)).toBeGreaterThan(0)
      expect(row?.last_sign_in_address).toBe('127.0.0.1')
    }
    // One update per key; PostgreSQL also counts the BEGIN and COMMIT the SQLite driver runs unlogged.
    expect(statements).toBe(testEngine() === 'postgres' ? 4 : 2)
  })
})
