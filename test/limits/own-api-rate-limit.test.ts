import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

const MINUTE = 60_000

describe(`${testEngine()}: Keyward's own API answers 429 with Retry-After beyond a key's rate limit`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
    // Exact times: a window starts at a whole minute.
    const now = h.clock()
    h.clock.freeze(now - (now % MINUTE) + 5 * MINUTE)
  })
  afterAll(() => h.close())

  async function limitedKey(rateLimits: unknown) {
    const res = await h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: `limited-${Math.random()}`, roleID: 2, rateLimits } })
    expectStatus(res, 200)
    return res.body.secretKey as string
  }

  it('lets a key make `limit` calls per window, refuses the next with Retry-After, and slides', async () => {
    const secret = await limitedKey([{ name: 'api', limit: 3, duration: MINUTE }])
    h.clock.advance(1000)
    for (let i = 0; i < 3; i++) expectStatus(await h.get('/api/apikeys/current', { secret }), 200)
    const refused = await h.get('/api/apikeys/current', { secret })
    expectStatus(refused, 429)
    // 3 in this window: in the next one they weigh 3 × (1 − elapsed/60 s); 1 more fits once
    // that is ≤ 2, 20 s into it: 79 s from now.
    expect(refused.headers['retry-after']).toBe('79')
    expect(refused.body).toMatchObject({ code: 'request.rate_limited' })
    expect(refused.body.message).toContain("'api'")

    h.clock.advance(78_999)
    expectStatus(await h.get('/api/apikeys/current', { secret }), 429)
    h.clock.advance(1)
    expectStatus(await h.get('/api/apikeys/current', { secret }), 200)
    // The sliding window now holds 3 × 2/3 + 1 = 3: full again.
    expectStatus(await h.get('/api/apikeys/current', { secret }), 429)
  })

  it('does not count refused calls', async () => {
    const secret = await limitedKey([{ name: 'api', limit: 2, duration: MINUTE }])
    for (let i = 0; i < 2; i++) expectStatus(await h.get('/api/apikeys/current', { secret }), 200)
    for (let i = 0; i < 5; i++) expectStatus(await h.get('/api/apikeys/current', { secret }), 429)
    h.clock.advance(2 * MINUTE)
    for (let i = 0; i < 2; i++) expectStatus(await h.get('/api/apikeys/current', { secret }), 200)
  })

  it('applies every limit of a key: the tightest one refuses, and names itself', async () => {
    const secret = await limitedKey([
      { name: 'per-minute', limit: 100, duration: MINUTE },
      { name: 'per-second', limit: 2, duration: 1000 },
    ])
    h.clock.advance(1000 - (h.clock() % 1000))
    for (let i = 0; i < 2; i++) expectStatus(await h.get('/api/apikeys/current', { secret }), 200)
    const refused = await h.get('/api/apikeys/current', { secret })
    expectStatus(refused, 429)
    expect(refused.body.message).toContain("'per-second'")
    expect(refused.headers['retry-after']).toBe('2')
  })

  it('limits a key on every route, rights or not, and never a console session', async () => {
    const secret = await limitedKey([{ name: 'api', limit: 1, duration: MINUTE }])
    expectStatus(await h.get('/api/roles', { secret }), 200)
    expectStatus(await h.get('/api/apikeys', { secret }), 429)
    const session = await h.signInAsAdmin()
    for (let i = 0; i < 5; i++) expectStatus(await h.get('/api/apikeys', { session }), 200)
  })

  it('keeps counting across a restart: the counters are in the database', async () => {
    const secret = await limitedKey([{ name: 'api', limit: 40, duration: MINUTE }])
    const other = await h.otherProcess()
    for (let i = 0; i < 40; i++)
      expect((await other.fastify.inject({ url: '/api/apikeys/current', headers: { 'api-version': 'v1', 'api-secret-key': secret } })).statusCode).toBe(200)
    // A clean stop gives back what it leased and did not use; the counts stay.
    await other.close()
    expectStatus(await h.get('/api/apikeys/current', { secret }), 429)
  })
})

describe(`${testEngine()}: a key's rate limit costs a database statement per leased batch, not per call`, () => {
  let h: Harness
  beforeAll(async () => {
    // Usage is flushed only when asked, so every statement in the loop below is the limiter's.
    h = await Harness.start({ usageFlushIntervalMs: 3_600_000 })
    const now = h.clock()
    h.clock.freeze(now - (now % MINUTE) + MINUTE + 1000)
  })
  afterAll(() => h.close())

  it('answers 100 calls of a 1000-a-minute key with two leases of 50', async () => {
    const created = await h.post('/api/apikeys', {
      secret: h.keys.fullAccess.secret,
      body: { keyName: 'busy', roleID: 2, rateLimits: [{ name: 'api', limit: 1000, duration: MINUTE }] },
    })
    const secret = created.body.secretKey
    expectStatus(await h.get('/api/apikeys/current', { secret }), 200)
    const before = h.app.context.store.queryCount
    for (let i = 0; i < 100; i++) expectStatus(await h.get('/api/apikeys/current', { secret }), 200)
    // The first call leased 50 (49 left): calls 50 and 100 lease again, one UPDATE each.
    expect(h.app.context.store.queryCount - before).toBe(2)
  })
})
