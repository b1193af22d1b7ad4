import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: failed-authentication throttle`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start({ authFailuresPerMinute: 5 })
  })
  afterAll(() => h.close())

  it('answers 429 with Retry-After to further failures once an address has failed too often, until the minute is over; a good secret still passes', async () => {
    for (let i = 0; i < 5; i++) expectStatus(await h.get('/api/apikeys/current', { secret: 'wrong' }), 401)
    expectStatus(await h.get('/api/apikeys/current', { secret: h.keys.fullAccess.secret }), 200)
    const blocked = await h.get('/api/apikeys/current', { secret: 'wrong' })
    expectStatus(blocked, 429)
    expect(blocked.body.code).toBe('request.too_many_failures')
    const retryAfter = Number(blocked.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    h.clock.advance(retryAfter * 1000)
    expectStatus(await h.get('/api/apikeys/current', { secret: 'wrong' }), 401)
  })

  it('does not block another address', async () => {
    for (let i = 0; i < 6; i++) await h.get('/api/apikeys/current', { secret: 'wrong' })
    expectStatus(await h.get('/api/apikeys/current', { secret: 'wrong' }), 429)
    const res = await h.app.fastify.inject({
      method: 'GET',
      url: '/api/apikeys/current',
      remoteAddress: '10.1.2.3',
      headers: { 'api-version': 'v1', 'api-secret-key': 'wrong' },
    })
    expect(res.statusCode, res.body).toBe(401)
  })
})
