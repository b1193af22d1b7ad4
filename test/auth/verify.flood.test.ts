import { setImmediate as afterIo } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createSecret } from '../../src/auth/secret-format.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/** Issue 12, goal 4: what a flood of bad secrets costs, in SQL statements counted by the store. */
describe(`${testEngine()}: verify during a flood of bad secrets`, () => {
  let h: Harness
  beforeAll(async () => {
    // Nothing is written on a timer here: the failure bookkeeping when a test settles it, last
    // sign-in never, and SQLite's change feed never polls. Every statement counted is the flood's.
    h = await Harness.start({ failureWriteIntervalMs: 3_600_000, usageFlushIntervalMs: 3_600_000, changePollIntervalMs: 3_600_000 })
  })
  afterAll(() => h.close())

  /** One bookkeeping write: the row read for update, the update, its change notice; PostgreSQL also counts BEGIN and COMMIT. */
  const write = testEngine() === 'postgres' ? 5 : 3

  it('writes wrong secrets of a key and the right ones between them as one tally per interval, the count exact', async () => {
    const key = await h.key()
    const wrong = createSecret(key.id)
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    await h.app.context.failures.settled()
    const before = h.app.context.store.queryCount
    for (let i = 0; i < 10; i++) {
      for (const secret of [wrong, key.secret, wrong]) {
        expectStatus(await h.get('/api/apikeys/current', { secret }), secret === wrong ? 401 : 200)
        // Turns of the event loop, in which bookkeeping written after each answer would start.
        await afterIo()
        await afterIo()
      }
    }
    expect(h.app.context.store.queryCount - before).toBe(0)
    await h.app.context.failures.settled()
    expect(h.app.context.store.queryCount - before).toBe(write)
    // One failure since the last success.
    expect((await h.row(key.id))?.unsuccessful_sign_in_attempts).toBe(1)
  })

  it('answers the right secret at once, without a promise, while failures of its key wait to be written', async () => {
    const key = await h.key()
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(key.id) }), 401)
    const principal = h.app.context.verifier.verify(key.secret, '127.0.0.1')
    expect(principal).not.toBeInstanceOf(Promise)
    expect(principal).toMatchObject({ id: key.id, apiKey: { unsuccessfulSignInAttempts: 0 } })
    await h.app.context.failures.settled()
    expect((await h.row(key.id))?.unsuccessful_sign_in_attempts).toBe(0)
  })

  it('keeps real keys cached through a flood of distinct unknown key IDs', async () => {
    // No failure throttle, as for a flood from many addresses.
    const small = await Harness.start({
      keyCacheSize: 20,
      authFailuresPerMinute: 1_000_000_000,
      usageFlushIntervalMs: 3_600_000,
      changePollIntervalMs: 3_600_000,
    })
    try {
      const keys = [await small.key(), await small.key(), await small.key()]
      for (const key of keys) expectStatus(await small.get('/api/apikeys/current', { secret: key.secret }), 200)
      // At once, as a flood arrives: IDs above the highest key wait for a shared read of newer IDs.
      for (const res of await Promise.all(Array.from({ length: 2_000 }, (_, i) => small.get('/api/apikeys/current', { secret: createSecret(1_000_000 + i) }))))
        expectStatus(res, 401)
      const before = small.app.context.store.queryCount
      for (const key of keys) expectStatus(await small.get('/api/apikeys/current', { secret: key.secret }), 200)
      expect(small.app.context.store.queryCount - before).toBe(0)
    } finally {
      await small.close()
    }
  })

  it('writes the tally when its interval has passed, unasked', async () => {
    const timed = await Harness.start({ failureWriteIntervalMs: 20 })
    try {
      const key = await timed.key()
      for (let i = 0; i < 3; i++) expectStatus(await timed.get('/api/apikeys/current', { secret: createSecret(key.id) }), 401)
      await vi.waitFor(async () => expect((await timed.row(key.id))?.unsuccessful_sign_in_attempts).toBe(3), { timeout: 30_000, interval: 20 })
    } finally {
      await timed.close()
    }
  })
})
