import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSecret } from '../../src/auth/secret-format.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: apikeys describe (happy)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('describes a key by ID with every set property, and leaves out unset ones', async () => {
    const created = await h.post('/api/apikeys', {
      secret: h.keys.fullAccess.secret,
      body: { keyName: 'described', description: 'for describe', roleID: 2, locale: 'ja-JP', timeZone: 'Asia/Tokyo' },
    })
    expectStatus(created, 200)
    const res = await h.get(`/api/apikeys/${created.body.ID}`, { secret: h.keys.fullAccess.secret })
    expectStatus(res, 200)
    const row = await h.row(created.body.ID)
    expect(res.body).toEqual({
      keyName: 'described',
      description: 'for describe',
      locale: 'ja-JP',
      roleID: 2,
      timeZone: 'Asia/Tokyo',
      active: true,
      created: row?.created,
      unsuccessfulSignInAttempts: 0,
      serviceAccount: false,
      ID: created.body.ID,
      createdByApiKeyID: h.keys.fullAccess.id,
      // A key created through the API gets the configured default limit (KEYWARD_DEFAULT_RATE_LIMIT).
      rateLimits: [{ name: 'default', limit: 500, duration: 60_000 }],
    })
  })

  it('never shows the secret or its hash', async () => {
    const key = await h.key({ name: 'no-secret-shown' })
    const res = await h.get(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret })
    expectStatus(res, 200)
    expect(res.body).not.toHaveProperty('secretKey')
    expect(res.text).not.toContain(key.secret)
    expect(res.text).not.toContain((await h.row(key.id))!.secret_hash)
  })

  it('shows the expiry, a lock-out and failed attempts', async () => {
    const expiry = h.clock() + 3 * 86_400_000
    const key = await h.key({ name: 'described-state', expiresAt: expiry })
    for (let i = 0; i < 2; i++) expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(key.id) }), 401)
    await h.app.context.failures.settled()
    await h.app.context.services.apiKeys.modify(h.system, key.id, { active: false })
    const res = await h.get(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret })
    expectStatus(res, 200)
    expect(res.body).toMatchObject({ expiryDate: expiry, active: false, unsuccessfulSignInAttempts: 2 })
    expect(res.body).not.toHaveProperty('unlockTime')
  })

  it('shows when and from where a key last signed in', async () => {
    const key = await h.key({ name: 'described-used' })
    const before = h.clock()
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    await h.app.context.usage.flush()
    const res = await h.get(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret })
    expectStatus(res, 200)
    expect(res.body.lastSignIn).toBeGreaterThanOrEqual(before)
    expect(res.body.lastSignIn).toBeLessThanOrEqual(h.clock())
    expect(res.body.lastSignIn).toBe((await h.row(key.id))?.last_sign_in)
    expect(res.body.lastSignInAddress).toBe('127.0.0.1')
  })

  it('describes a key that has expired: expired keys stay until deleted', async () => {
    const key = await h.key({ name: 'described-expired', expiresAt: h.clock() + 1000 })
    h.clock.advance(1500)
    const res = await h.get(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret })
    expectStatus(res, 200)
    expect(res.body.expiryDate).toBe(key.record.expiryDate)
    expect(res.body.expiryDate).toBeLessThan(h.clock())
  })

  it('shows a change at once', async () => {
    const key = await h.key({ name: 'described-changing' })
    expectStatus(await h.post(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret, body: { description: 'changed' } }), 200)
    const res = await h.get(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret })
    expect(res.body.description).toBe('changed')
  })

  it('describes the same key as the list and the search show it', async () => {
    const key = await h.key({ name: 'described-consistently', role: 2 })
    const described = await h.get(`/api/apikeys/${key.id}`, { secret: h.keys.auditor.secret })
    const listed = await h.get('/api/apikeys', { secret: h.keys.auditor.secret })
    expect(listed.body.apiKeys.find((k: any) => k.ID === key.id)).toEqual(described.body)
  })
})
