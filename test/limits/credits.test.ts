import { DateTime } from 'luxon'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LimitedKey } from '../../src/limits/usage-limits.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: credits are spent by verifications and refilled at midnight in the key's time zone`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  async function keyWith(body: Record<string, unknown>): Promise<LimitedKey> {
    const res = await h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: `c-${Math.random()}`, roleID: 2, rateLimits: [], ...body } })
    expectStatus(res, 200)
    return (await h.app.context.stores.apiKeys.findById(res.body.ID))!
  }
  const verify = (key: LimitedKey, cost = 1) => h.app.context.limits.verify(key, cost, undefined)

  it('spends the cost of each verification and refuses one it cannot pay, spending nothing', async () => {
    const key = await keyWith({ credits: { remaining: 5 } })
    expect(await verify(key, 2)).toMatchObject({ code: undefined, credits: { remaining: 3 } })
    expect(await verify(key, 4)).toMatchObject({ code: 'USAGE_EXCEEDED', credits: { remaining: 3 } })
    expect(await verify(key, 3)).toMatchObject({ code: undefined, credits: { remaining: 0 } })
    expect(await verify(key, 0)).toMatchObject({ code: undefined, credits: { remaining: 0 } })
    expect(await verify(key, 1)).toMatchObject({ code: 'USAGE_EXCEEDED', credits: { remaining: 0 } })
    const described = await h.get(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret })
    expect(described.body.credits).toEqual({ remaining: 0 })
  })

  it('counts nothing against a key without credits', async () => {
    const key = await keyWith({})
    expect(await verify(key, 1_000_000)).toMatchObject({ code: undefined, credits: undefined })
  })

  it('refills daily at local midnight across the spring-forward day (New York, 23 hours)', async () => {
    const zone = 'America/New_York'
    h.clock.freeze(DateTime.fromISO('2027-03-13T20:00', { zone }).toMillis())
    const key = await keyWith({ timeZone: zone, credits: { remaining: 2, refill: { interval: 'daily', amount: 2 } } })
    expect(await verify(key, 2)).toMatchObject({ credits: { remaining: 0 } })
    expect((await verify(key)).code).toBe('USAGE_EXCEEDED')

    h.clock.freeze(DateTime.fromISO('2027-03-14T00:00', { zone }).toMillis() - 1)
    expect((await verify(key)).code).toBe('USAGE_EXCEEDED')
    h.clock.advance(1)
    expect(await verify(key)).toMatchObject({ code: undefined, credits: { remaining: 1 } })
    expect(await verify(key)).toMatchObject({ code: undefined, credits: { remaining: 0 } })

    // 24 hours after that midnight is 01:00 on the 15th: a refill every 24 h would come an hour late,
    // one at UTC midnight four hours early.
    h.clock.freeze(Date.parse('2027-03-15T00:00:00Z'))
    expect((await verify(key)).code).toBe('USAGE_EXCEEDED')
    h.clock.freeze(Date.parse('2027-03-15T03:59:59.999Z'))
    expect((await verify(key)).code).toBe('USAGE_EXCEEDED')
    h.clock.freeze(Date.parse('2027-03-15T04:00:00Z'))
    expect(await verify(key)).toMatchObject({ code: undefined, credits: { remaining: 1 } })
  })

  it('refills daily at local midnight across the fall-back day (London, 25 hours)', async () => {
    const zone = 'Europe/London'
    h.clock.freeze(DateTime.fromISO('2027-10-31T00:30', { zone }).toMillis())
    const key = await keyWith({ timeZone: zone, credits: { remaining: 1, refill: { interval: 'daily', amount: 3 } } })
    expect(await verify(key)).toMatchObject({ credits: { remaining: 0 } })
    h.clock.freeze(Date.parse('2027-10-31T23:59:59Z'))
    expect((await verify(key)).code).toBe('USAGE_EXCEEDED')
    h.clock.freeze(Date.parse('2027-11-01T00:00:00Z'))
    expect(await verify(key)).toMatchObject({ code: undefined, credits: { remaining: 2 } })
  })

  it('refills monthly on its day at local midnight, and says a refused key is refilled when it is', async () => {
    const zone = 'Asia/Tokyo'
    h.clock.freeze(DateTime.fromISO('2027-01-20T12:00', { zone }).toMillis())
    const key = await keyWith({ timeZone: zone, credits: { remaining: 0, refill: { interval: 'monthly', amount: 10, day: 31 } } })
    expect(await verify(key, 11)).toMatchObject({ code: 'USAGE_EXCEEDED', credits: { remaining: 0 } })
    h.clock.freeze(DateTime.fromISO('2027-01-31T00:00', { zone }).toMillis())
    expect(await verify(key, 11)).toMatchObject({ code: 'USAGE_EXCEEDED', credits: { remaining: 10 } })
    expect(await verify(key, 4)).toMatchObject({ code: undefined, credits: { remaining: 6 } })
    // February has no 31st: its last day.
    h.clock.freeze(DateTime.fromISO('2027-02-27T23:59', { zone }).toMillis())
    expect(await verify(key, 4)).toMatchObject({ credits: { remaining: 2 } })
    h.clock.freeze(DateTime.fromISO('2027-02-28T00:00', { zone }).toMillis())
    expect(await verify(key, 4)).toMatchObject({ credits: { remaining: 6 } })
  })
})
