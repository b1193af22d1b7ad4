import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSecret } from '../../src/auth/secret-format.js'
import { expectStatus, HARNESS_ADMIN_PASSWORD, Harness } from '../helpers/harness.js'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { administratorRow, sessionCount } from '../helpers/stored-rows.js'
import { testEngine } from '../helpers/test-database.js'

/**
 * Issue 9, finding 3: lock-out must not be a weapon. Anyone can forge a well-formed secret for
 * any key ID (the ID is in every secret, the checksum is a public CRC-32), so a forged secret
 * must never lock a key, and one client's failures must never refuse another client's valid key.
 */
describe(`${testEngine()}: lock-out is not a weapon`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start({ authFailuresPerMinute: 5 })
  })
  afterAll(() => h.close())

  const forge = async (id: number, times: number, address: string) => {
    for (let i = 0; i < times; i++) {
      const res = await h.app.fastify.inject({
        method: 'GET',
        url: '/api/apikeys/current',
        remoteAddress: address,
        headers: { 'api-version': 'v1', 'api-secret-key': createSecret(id) },
      })
      expect([401, 429], res.body).toContain(res.statusCode)
    }
    await h.app.context.failures.settled()
  }

  it('forged secrets never lock a key; the failures are still counted for the model API', async () => {
    const key = await h.key()
    for (let i = 0; i < 4; i++) await forge(key.id, 3, `203.0.113.${i + 1}`)
    const row = await h.row(key.id)
    expect(row).toMatchObject({ active: 1, unlock_time: null, unsuccessful_sign_in_attempts: 12 })
    const described = await h.get(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret })
    expect(described.body).toMatchObject({ active: true, unsuccessfulSignInAttempts: 12 })
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
  })

  it('a client still holding a rotated-out secret does not break the new one', async () => {
    const key = await h.key()
    const rotated = await h.post(`/api/apikeys/${key.id}/secretkey`, { secret: h.keys.fullAccess.secret })
    expectStatus(rotated, 200)
    for (let i = 0; i < 8; i++) {
      const old = await h.app.fastify.inject({
        method: 'GET',
        url: '/api/apikeys/current',
        remoteAddress: `203.0.113.${60 + i}`,
        headers: { 'api-version': 'v1', 'api-secret-key': key.secret },
      })
      expect(old.statusCode, old.body).toBe(401)
    }
    await h.app.context.failures.settled()
    expectStatus(await h.get('/api/apikeys/current', { secret: rotated.body.secretKey }), 200)
  })

  it("a valid key is never refused because of another client's failures from the same address", async () => {
    const address = '198.51.100.20'
    const victim = await h.key()
    await forge(h.keys.auditor.id, 8, address)
    const blocked = await h.app.fastify.inject({
      method: 'GET',
      url: '/api/apikeys/current',
      remoteAddress: address,
      headers: { 'api-version': 'v1', 'api-secret-key': 'kw_1_wrong' },
    })
    expect(blocked.statusCode, blocked.body).toBe(429)
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0)
    const valid = await h.app.fastify.inject({
      method: 'GET',
      url: '/api/apikeys/current',
      remoteAddress: address,
      headers: { 'api-version': 'v1', 'api-secret-key': victim.secret },
    })
    expect(valid.statusCode, valid.body).toBe(200)
  })
})

describe(`${testEngine()}: automatic key lock-out, when turned on (KEYWARD_KEY_LOCKOUT=true)`, () => {
  it('locks a key after the threshold of failures, as the model product does', async () => {
    const h = await Harness.start({ keyLockout: true, lockoutThreshold: 2 })
    try {
      const key = await h.key()
      for (let i = 0; i < 2; i++) expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(key.id) }), 401)
      await h.app.context.failures.settled()
      expect(await h.row(key.id)).toMatchObject({ active: 0, unsuccessful_sign_in_attempts: 2 })
      expect((await h.get('/api/apikeys/current', { secret: key.secret })).body.code).toBe('auth.key_locked')
    } finally {
      await h.close()
    }
  })
})

/**
 * Administrators keep automatic lock-out, per username and address: wrong passwords from one
 * address lock that address out for that username, never the real owner elsewhere.
 */
describe(`${testEngine()}: administrator lock-out is not a weapon`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start({ lockoutThreshold: 3, lockoutDurationMs: 60_000 })
  })
  afterAll(() => h.close())

  const signInFrom = (address: string, username: string, password: string) =>
    h.app.fastify.inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress: address,
      headers: { 'api-version': 'v1', 'content-type': 'application/json' },
      payload: JSON.stringify({ username, password }),
    })

  it('wrong passwords from one address lock that address out, not admin: the owner still signs in from elsewhere and keeps its sessions', async () => {
    const session = await h.signInAsAdmin()
    for (let i = 0; i < 10; i++) await signInFrom('203.0.113.66', 'admin', `Wrong-${i}-passw0rd`)
    expect(JSON.parse((await signInFrom('203.0.113.66', 'admin', HARNESS_ADMIN_PASSWORD)).body).code).toBe('auth.administrator_locked')
    expect(await administratorRow(h, 1)).toMatchObject({ active: 1, unlock_time: null })
    expect(await sessionCount(h, 1)).toBeGreaterThan(0)
    expectStatus(await h.get('/api/session', { session }), 200)
    expect((await signInFrom('198.51.100.1', 'admin', HARNESS_ADMIN_PASSWORD)).statusCode).toBe(200)
  })

  it('the lock-out of an address ends after the lock-out duration, and at once when an administrator unlocks the account', async () => {
    const admin = await quickAdministrator(h)
    for (let i = 0; i < 3; i++) await signInFrom('203.0.113.67', admin.username, `Wrong-${i}-passw0rd`)
    expect(JSON.parse((await signInFrom('203.0.113.67', admin.username, QUICK_PASSWORD)).body).code).toBe('auth.administrator_locked')
    h.clock.advance(61_000)
    expect((await signInFrom('203.0.113.67', admin.username, QUICK_PASSWORD)).statusCode).toBe(200)

    for (let i = 0; i < 3; i++) await signInFrom('203.0.113.68', admin.username, `Wrong-${i}-passw0rd`)
    expectStatus(await h.post(`/api/administrators/${admin.id}`, { secret: h.keys.fullAccess.secret, body: { active: true } }), 200)
    expect((await signInFrom('203.0.113.68', admin.username, QUICK_PASSWORD)).statusCode).toBe(200)
  })
})
