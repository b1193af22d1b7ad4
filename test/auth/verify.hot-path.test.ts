import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: verify hot path`, () => {
  let h: Harness
  beforeAll(async () => {
    // Usage is flushed only when asked, and SQLite's change feed (which hears this process's
    // own changes at once) never polls, so any query in the loops below is the request path's.
    h = await Harness.start({ usageFlushIntervalMs: 3_600_000, changePollIntervalMs: 3_600_000 })
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

  it('costs a flood of wrong secrets one coalesced bookkeeping write, and a flood of malformed or unknown ones nothing, on the API and in verify', async () => {
    const { createSecret } = await import('../../src/auth/secret-format.js')
    const [key, caller] = [await h.key(), h.keys.fullAccess]
    const wrong = createSecret(key.id)
    for (const cached of [key, caller]) expectStatus(await h.get('/api/apikeys/current', { secret: cached.secret }), 200)
    const statements = async (send: () => Promise<unknown>, times: number) => {
      await h.app.context.failures.settled()
      const before = h.app.context.store.queryCount
      for (let i = 0; i < times; i++) {
        await send()
        await h.app.context.failures.settled()
      }
      return h.app.context.store.queryCount - before
    }
    const viaApi = (secret: string) => () => h.get('/api/apikeys/current', { secret }).then((res) => expectStatus(res, 401))
    const viaVerify = (secretKey: string) => () =>
      h.post('/api/apikeys/verify', { secret: caller.secret, body: { secretKey } }).then((res) => {
        expectStatus(res, 200)
        expect(res.body.code).toBe('NOT_FOUND')
      })
    // One bookkeeping write: the row read for update, the update, its change notice; PostgreSQL
    // also counts BEGIN and COMMIT. The written row replaces the cached key: no read back.
    const write = testEngine() === 'postgres' ? 5 : 3
    expect(await statements(viaApi(wrong), 10)).toBe(10 * write)
    expect(await statements(viaVerify(wrong), 10)).toBe(10 * write)
    // A burst is counted in one write, exactly.
    const counted = Number((await h.row(key.id))?.unsuccessful_sign_in_attempts)
    const burst = (send: () => Promise<unknown>) => () => Promise.all([...Array(10)].map(send))
    expect(await statements(burst(viaApi(wrong)), 1)).toBe(write)
    expect(await statements(burst(viaVerify(wrong)), 1)).toBe(write)
    expect((await h.row(key.id))?.unsuccessful_sign_in_attempts).toBe(counted + 20)
    for (const secret of ['x', `kw_${key.id}_short`, createSecret(888_888)]) {
      await viaVerify(secret)() // an unknown key ID is read once, then answered from the cache
      expect(await statements(viaVerify(secret), 10)).toBe(0)
      expect(await statements(viaApi(secret), 10)).toBe(0)
    }
    // The right secret after the flood is answered without waiting for the reset of the count,
    // which is one write after the answer; then it costs nothing again.
    await h.app.context.failures.settled()
    const before = h.app.context.store.queryCount
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    expect(h.app.context.store.queryCount - before).toBe(0)
    await h.app.context.failures.settled()
    expect(h.app.context.store.queryCount - before).toBe(1)
    expect((await h.row(key.id))?.unsuccessful_sign_in_attempts).toBe(0)
    expect(await statements(() => h.get('/api/apikeys/current', { secret: key.secret }).then((res) => expectStatus(res, 200)), 10)).toBe(0)
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
