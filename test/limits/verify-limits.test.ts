import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness, type TestKey } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

const MINUTE = 60_000

describe(`${testEngine()}: apikeys verify applies rate limits and credits`, () => {
  let h: Harness
  let service: TestKey
  let windowStart = 0
  const verify = (body: Record<string, unknown>) => h.post('/api/apikeys/verify', { secret: service.secret, body })

  beforeAll(async () => {
    h = await Harness.start()
    const verifier = await h.role({ name: 'verifier', rights: ['apikeyRights.canVerifyApiKeys'] })
    service = await h.key({ role: verifier.id, name: 'billing-service' })
    const now = h.clock()
    windowStart = now - (now % MINUTE) + MINUTE
    h.clock.freeze(windowStart + 1000)
  })
  afterAll(() => h.close())

  async function keyWith(body: Record<string, unknown>): Promise<{ secretKey: string; id: number }> {
    const res = await h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: `v-${Math.random()}`, roleID: 2, ...body } })
    expectStatus(res, 200)
    return { secretKey: res.body.secretKey, id: res.body.ID }
  }

  it('counts a verification against the limits it names (all by default) and spends its cost, answering what is left', async () => {
    const { secretKey } = await keyWith({
      rateLimits: [
        { name: 'reads', limit: 2, duration: MINUTE },
        { name: 'writes', limit: 1, duration: MINUTE },
      ],
      credits: { remaining: 3 },
    })
    const reset = windowStart + MINUTE
    const first = await verify({ secretKey })
    expectStatus(first, 200)
    expect(first.body).toMatchObject({
      valid: true,
      code: 'VALID',
      rateLimits: [
        { name: 'reads', limit: 2, remaining: 1, reset },
        { name: 'writes', limit: 1, remaining: 0, reset },
      ],
      credits: { remaining: 2 },
    })

    const reads = await verify({ secretKey, rateLimits: ['reads', 'not-a-limit-of-this-key'] })
    expect(reads.body).toMatchObject({ valid: true, code: 'VALID', rateLimits: [{ name: 'reads', remaining: 0 }], credits: { remaining: 1 } })

    // 2 reads this minute weigh 2 × (1 − elapsed/60 s) in the next; 1 more fits 30 s into it: 89 s from now.
    const limited = await verify({ secretKey, rateLimits: ['reads'] })
    expect(limited.body).toMatchObject({
      valid: false,
      code: 'RATE_LIMITED',
      message: 'The API key has made too many requests. Try again later.',
      keyID: expect.any(Number),
      retryAfter: 89,
      rateLimits: [{ name: 'reads', remaining: 0 }],
      credits: { remaining: 1 },
    })
    expect((await verify({ secretKey, rateLimits: ['writes'] })).body).toMatchObject({ code: 'RATE_LIMITED', credits: { remaining: 1 } })

    // No limit named: only credits; cost above the balance is refused and spends nothing.
    expect((await verify({ secretKey, rateLimits: [], cost: 2 })).body).toMatchObject({ valid: false, code: 'USAGE_EXCEEDED', credits: { remaining: 1 } })
    expect((await verify({ secretKey, rateLimits: [], cost: 1 })).body).toMatchObject({ valid: true, credits: { remaining: 0 } })
    expect((await verify({ secretKey, rateLimits: [] })).body).toMatchObject({
      valid: false,
      code: 'USAGE_EXCEEDED',
      message: 'The API key has used up its credits.',
    })
  })

  it('does not count a verification refused for want of credits against the rate limits', async () => {
    const { secretKey, id } = await keyWith({ rateLimits: [{ name: 'api', limit: 1, duration: MINUTE }], credits: { remaining: 0 } })
    for (let i = 0; i < 3; i++)
      expect((await verify({ secretKey })).body).toMatchObject({ code: 'USAGE_EXCEEDED', rateLimits: [{ name: 'api', remaining: 1 }] })
    expectStatus(await h.post(`/api/apikeys/${id}`, { secret: h.keys.fullAccess.secret, body: { credits: { remaining: 5 } } }), 200)
    expect((await verify({ secretKey })).body).toMatchObject({ valid: true, rateLimits: [{ name: 'api', remaining: 0 }], credits: { remaining: 4 } })
  })

  it('answers without rateLimits or credits for a key that has none', async () => {
    const { secretKey } = await keyWith({ rateLimits: [] })
    const res = await verify({ secretKey, cost: 1_000_000 })
    expect(res.body).toMatchObject({ valid: true, code: 'VALID' })
    expect(res.body).not.toHaveProperty('rateLimits')
    expect(res.body).not.toHaveProperty('credits')
  })
})
