import { DateTime } from 'luxon'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashSecret, parseSecret } from '../../src/auth/secret-format.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: apikeys create (happy)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('creates a key, shows its secret once and stores only its hash', async () => {
    const res = await h.post('/api/apikeys', {
      secret: h.keys.fullAccess.secret,
      body: { keyName: 'ci-reader', description: 'Read-only access', roleID: 2, locale: 'ja-JP', timeZone: 'Asia/Tokyo' },
    })
    expectStatus(res, 200)
    expect(res.body).toMatchObject({
      keyName: 'ci-reader',
      description: 'Read-only access',
      roleID: 2,
      locale: 'ja-JP',
      timeZone: 'Asia/Tokyo',
      active: true,
      unsuccessfulSignInAttempts: 0,
      serviceAccount: false,
      ID: expect.any(Number),
      created: expect.any(Number),
      secretKey: expect.stringMatching(/^kw_\d+_/),
      createdByApiKeyID: h.keys.fullAccess.id,
    })
    // Unset properties are left out, as in the model API.
    for (const field of ['lastSignIn', 'unlockTime', 'expiryDate']) expect(res.body, field).not.toHaveProperty(field)
    expect(parseSecret(res.body.secretKey)).toBe(res.body.ID)

    const row = await h.row(res.body.ID)
    expect(row?.secret_hash).toBe(hashSecret(res.body.secretKey))
    expect(JSON.stringify(row)).not.toContain(res.body.secretKey)

    const described = await h.get(`/api/apikeys/${res.body.ID}`, { secret: h.keys.fullAccess.secret })
    expectStatus(described, 200)
    expect(described.body).not.toHaveProperty('secretKey')
  })

  it('creates a key whose secret works at once, with Authorization: ApiKey as well', async () => {
    const created = await h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: 'works-at-once', roleID: 2 } })
    expectStatus(created, 200)
    const me = await h.get('/api/apikeys/current', { secret: created.body.secretKey, scheme: 'ApiKey' })
    expectStatus(me, 200)
    expect(me.body).toMatchObject({ ID: created.body.ID, keyName: 'works-at-once', roleID: 2 })
  })

  it("defaults language and time zone to the creator's, and active to true", async () => {
    const creator = await h.key({ locale: 'ja-JP', timeZone: 'Europe/Paris' })
    const res = await h.post('/api/apikeys', { secret: creator.secret, body: { keyName: 'defaults', roleID: 2 } })
    expectStatus(res, 200)
    expect(res.body).toMatchObject({ locale: 'ja-JP', timeZone: 'Europe/Paris', active: true, description: '' })
  })

  it('accepts an expiry as epoch milliseconds', async () => {
    const expiry = h.clock() + 14 * 86_400_000
    const res = await h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: 'expiry-ms', roleID: 2, expiryDate: expiry } })
    expectStatus(res, 200)
    expect(res.body.expiryDate).toBe(expiry)
  })

  it("reads a date alone as the end of that day in the key's own time zone", async () => {
    const day = DateTime.now().plus({ days: 30 }).toISODate()!
    const res = await h.post('/api/apikeys', {
      secret: h.keys.fullAccess.secret,
      body: { keyName: 'expiry-date', roleID: 2, timeZone: 'Asia/Tokyo', expiryDate: day },
    })
    expectStatus(res, 200)
    expect(res.body.expiryDate).toBe(DateTime.fromISO(day, { zone: 'Asia/Tokyo' }).endOf('day').toMillis())
  })

  it("reads a date-time without an offset in the caller's time zone, and one with an offset as given", async () => {
    const caller = await h.key({ timeZone: 'America/New_York' })
    const local = DateTime.now().plus({ days: 10 }).set({ hour: 9, minute: 30, second: 0, millisecond: 0 })
    const text = local.toFormat("yyyy-LL-dd'T'HH:mm")
    const res = await h.post('/api/apikeys', { secret: caller.secret, body: { keyName: 'expiry-local', roleID: 2, timeZone: 'UTC', expiryDate: text } })
    expectStatus(res, 200)
    expect(res.body.expiryDate).toBe(DateTime.fromISO(text, { zone: 'America/New_York' }).toMillis())

    const withOffset = `${local.toISODate()}T09:30:00+09:00`
    const res2 = await h.post('/api/apikeys', { secret: caller.secret, body: { keyName: 'expiry-offset', roleID: 2, expiryDate: withOffset } })
    expectStatus(res2, 200)
    expect(res2.body.expiryDate).toBe(DateTime.fromISO(withOffset).toMillis())
  })

  it('ignores read-only properties sent back by a client', async () => {
    const res = await h.post('/api/apikeys', {
      secret: h.keys.fullAccess.secret,
      body: {
        keyName: 'read-only-ignored',
        roleID: 2,
        ID: 9999,
        created: 1,
        unsuccessfulSignInAttempts: 7,
        serviceAccount: true,
        secretKey: 'x',
        lastSignIn: 5,
      },
    })
    expectStatus(res, 200)
    expect(res.body.ID).not.toBe(9999)
    expect(res.body.created).toBeGreaterThan(1)
    expect(res.body).toMatchObject({ unsuccessfulSignInAttempts: 0, serviceAccount: false })
    expect(res.body).not.toHaveProperty('lastSignIn')
    expect(res.body.secretKey).not.toBe('x')
  })

  it('creates a locked-out key when asked to (active: false)', async () => {
    const res = await h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: 'born-locked', roleID: 2, active: false } })
    expectStatus(res, 200)
    expect(res.body.active).toBe(false)
    const me = await h.get('/api/apikeys/current', { secret: res.body.secretKey })
    expectStatus(me, 401)
  })
})
