import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KeywardApp } from '../../src/app.js'
import { leaseSizeOf } from '../../src/limits/rate-limiter.js'
import type { LimitedKey } from '../../src/limits/usage-limits.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

const MINUTE = 60_000
const LIMIT = 100

/**
 * Two Keyward processes on one database (two apps, each with its own store, pool and caches):
 * the bound the README states. A key is never let through beyond its limit; with N processes it
 * may be refused while the others hold unused leases, at most (N − 1) × (lease − 1) of the
 * limit in a window with an empty predecessor. Credits are exact.
 */
describe(`${testEngine()}: rate limits and credits across processes on one database`, () => {
  let h: Harness
  let other: KeywardApp
  beforeAll(async () => {
    h = await Harness.start()
    other = await h.otherProcess()
    const now = h.clock()
    h.clock.freeze(now - (now % MINUTE) + MINUTE + 1000)
  })
  afterAll(() => h.close())

  async function key(body: Record<string, unknown>): Promise<LimitedKey> {
    const res = await h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: `n-${Math.random()}`, roleID: 2, rateLimits: [], ...body } })
    expectStatus(res, 200)
    return (await h.app.context.stores.apiKeys.findById(res.body.ID))!
  }
  const call = (app: KeywardApp, secret: string) =>
    app.fastify.inject({ url: '/api/apikeys/current', headers: { 'api-version': 'v1', 'api-secret-key': secret } })

  it('is exact on one process', async () => {
    const secret = (
      await h.post('/api/apikeys', {
        secret: h.keys.fullAccess.secret,
        body: { keyName: 'one', roleID: 2, rateLimits: [{ name: 'api', limit: LIMIT, duration: MINUTE }] },
      })
    ).body.secretKey
    let admitted = 0
    for (let i = 0; i < LIMIT + 20; i++) if ((await call(h.app, secret)).statusCode === 200) admitted++
    expect(admitted).toBe(LIMIT)
  })

  it("never lets a key's calls through beyond its limit, and refuses at most the stated bound early, when two processes share it", async () => {
    const secret = (
      await h.post('/api/apikeys', {
        secret: h.keys.fullAccess.secret,
        body: { keyName: 'two', roleID: 2, rateLimits: [{ name: 'api', limit: LIMIT, duration: MINUTE }] },
      })
    ).body.secretKey
    let admitted = 0
    for (let i = 0; i < LIMIT + 20; i++) if ((await call(i % 3 === 0 ? other : h.app, secret)).statusCode === 200) admitted++
    expect(admitted).toBeLessThanOrEqual(LIMIT)
    expect(admitted).toBeGreaterThanOrEqual(LIMIT - (leaseSizeOf(LIMIT) - 1))
  })

  it('holds under concurrent verifications on both processes', async () => {
    const limited = await key({ rateLimits: [{ name: 'api', limit: LIMIT, duration: MINUTE }] })
    const outcomes = await Promise.all(Array.from({ length: 2 * LIMIT }, (_, i) => (i % 2 ? other : h.app).context.limits.verify(limited, 1, undefined)))
    const admitted = outcomes.filter((outcome) => outcome.code === undefined).length
    expect(admitted).toBeLessThanOrEqual(LIMIT)
    expect(admitted).toBeGreaterThanOrEqual(LIMIT - (leaseSizeOf(LIMIT) - 1))
    expect(outcomes.filter((outcome) => outcome.code === 'RATE_LIMITED').length).toBe(2 * LIMIT - admitted)
  })

  it('spends credits exactly, whatever process verifies and however concurrently', async () => {
    const credited = await key({ credits: { remaining: 50 } })
    const outcomes = await Promise.all(Array.from({ length: 80 }, (_, i) => (i % 2 ? other : h.app).context.limits.verify(credited, 1, undefined)))
    expect(outcomes.filter((outcome) => outcome.code === undefined)).toHaveLength(50)
    expect(outcomes.filter((outcome) => outcome.code === 'USAGE_EXCEEDED')).toHaveLength(30)
    expect((await h.row(credited.id))?.credits_remaining).toBe(0)
  })

  it('loses nothing when a process stops: its unused lease is given back', async () => {
    const secret = (
      await h.post('/api/apikeys', {
        secret: h.keys.fullAccess.secret,
        body: { keyName: 'restart', roleID: 2, rateLimits: [{ name: 'api', limit: LIMIT, duration: MINUTE }] },
      })
    ).body.secretKey
    const third = await h.otherProcess()
    expect((await call(third, secret)).statusCode).toBe(200)
    await third.close()
    let admitted = 1
    for (let i = 0; i < LIMIT + 20; i++) if ((await call(h.app, secret)).statusCode === 200) admitted++
    expect(admitted).toBe(LIMIT)
  })
})
