import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { administratorRow } from '../helpers/stored-rows.js'
import { expectStatus, Harness, type TestAdministrator } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: repeated failed sign-ins from one address (429)`, () => {
  let h: Harness
  let admin: TestAdministrator
  beforeAll(async () => {
    h = await Harness.start({ authFailuresPerMinute: 3, trustProxy: '127.0.0.1' })
    admin = await quickAdministrator(h, { username: 'throttled' })
  })
  afterAll(() => h.close())

  const from = (address: string, password: string) =>
    h.post('/api/session', { headers: { 'x-forwarded-for': address }, body: { username: admin.username, password } })

  it('answers 429 with Retry-After once an address has failed too often, even for the right password, until the minute is over', async () => {
    const address = '198.51.100.7'
    for (let i = 0; i < 3; i++) expectStatus(await from(address, `Wrong-${i}-passw0rd`), 401)
    const blocked = await from(address, QUICK_PASSWORD)
    expectStatus(blocked, 429)
    expect(blocked.body.code).toBe('request.too_many_failures')
    const retryAfter = Number(blocked.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(blocked.body.message).toBe(`Too many failed authentications from this address. Try again in ${retryAfter} seconds.`)
    expect(blocked.headers['set-cookie']).toBeUndefined()
    // Refused before the password is looked at: the administrator's own count did not move.
    expect((await administratorRow(h, admin.id))?.unsuccessful_sign_in_attempts).toBe(3)

    h.clock.advance(30_000)
    const later = await from(address, QUICK_PASSWORD)
    expectStatus(later, 429)
    expect(Number(later.headers['retry-after'])).toBeLessThanOrEqual(30)

    h.clock.advance(31_000)
    expectStatus(await from(address, QUICK_PASSWORD), 200)
  })

  it('does not hold back another address', async () => {
    for (let i = 0; i < 3; i++) expectStatus(await from('198.51.100.8', 'Wrong-passw0rd'), 401)
    expectStatus(await from('198.51.100.8', QUICK_PASSWORD), 429)
    expectStatus(await from('198.51.100.9', QUICK_PASSWORD), 200)
  })

  it('counts failed sign-ins with unknown usernames alike, but not failed API credentials (a bad key client does not hold back sign-ins)', async () => {
    const address = '198.51.100.10'
    expectStatus(await h.post('/api/session', { headers: { 'x-forwarded-for': address }, body: { username: 'nobody', password: 'Wrong-passw0rd' } }), 401)
    for (let i = 0; i < 5; i++)
      expectStatus(await h.get('/api/session', { headers: { 'x-forwarded-for': address, cookie: 'keyward_session=forged' } }), i < 3 ? 401 : 429)
    expectStatus(await h.post('/api/session', { headers: { 'x-forwarded-for': address }, body: { username: 'nobody-2', password: 'Wrong-passw0rd' } }), 401)
    expectStatus(await from(address, 'Wrong-passw0rd'), 401)
    const blocked = await from(address, QUICK_PASSWORD)
    expectStatus(blocked, 429)
    expect(blocked.headers['retry-after']).toBeDefined()
  })
})
