import { DateTime } from 'luxon'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSecret } from '../../src/auth/secret-format.js'
import { expectStatus, Harness, type TestKey } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: apikeys modify (happy)`, () => {
  let h: Harness
  beforeAll(async () => {
    // Automatic key lock-out is opt-in; it is on here, for the unlocking cases.
    h = await Harness.start({ keyLockout: true })
  })
  afterAll(() => h.close())

  const modify = async (key: TestKey | number, body: unknown) => {
    const res = await h.post(`/api/apikeys/${typeof key === 'number' ? key : key.id}`, { secret: h.keys.fullAccess.secret, body })
    expectStatus(res, 200)
    return res
  }

  it('changes only the properties sent; the others stay as they were', async () => {
    const key = await h.key({ name: 'partial', role: 2, locale: 'ja-JP', timeZone: 'Asia/Tokyo', expiresAt: h.clock() + 86_400_000 })
    const before = await h.row(key.id)

    const res = await modify(key, { description: 'only the description' })
    expect(res.body).toMatchObject({
      ID: key.id,
      keyName: 'partial',
      description: 'only the description',
      roleID: 2,
      locale: 'ja-JP',
      timeZone: 'Asia/Tokyo',
      active: true,
    })
    expect(await h.row(key.id)).toEqual({ ...before, description: 'only the description' })

    await modify(key, { timeZone: 'Europe/Paris', locale: 'en-US' })
    expect(await h.row(key.id)).toEqual({ ...before, description: 'only the description', time_zone: 'Europe/Paris', locale: 'en-US' })
  })

  it('keeps the secret: the key authenticates with it after a change', async () => {
    const key = await h.key({ name: 'secret-kept' })
    const hash = (await h.row(key.id))?.secret_hash
    await modify(key, { keyName: 'secret-kept-renamed', description: 'x' })
    expect((await h.row(key.id))?.secret_hash).toBe(hash)
    const me = await h.get('/api/apikeys/current', { secret: key.secret })
    expectStatus(me, 200)
    expect(me.body.keyName).toBe('secret-kept-renamed')
  })

  it('accepts the described object posted back unchanged, and changes nothing', async () => {
    const key = await h.key({ name: 'round-trip', role: 2, expiresAt: h.clock() + 86_400_000 })
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    await h.app.context.usage.flush()
    const described = await h.get(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret })
    expect(described.body).toHaveProperty('lastSignIn')
    const before = await h.snapshot()
    const res = await modify(key, described.body)
    expect(res.body).toEqual(described.body)
    expect(await h.snapshot()).toEqual(before)
  })

  it('accepts the described object of a locked, expired key posted back unchanged', async () => {
    const key = await h.key({ name: 'round-trip-expired', expiresAt: h.clock() + 1000, locked: true })
    h.clock.advance(1500)
    const described = await h.get(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret })
    const before = await h.snapshot()
    const res = await modify(key, described.body)
    expect(res.body).toMatchObject({ active: false, expiryDate: key.record.expiryDate })
    expect(await h.snapshot()).toEqual(before)
  })

  it('accepts an empty body, and no body, as no change', async () => {
    const key = await h.key({ name: 'no-change' })
    const before = await h.snapshot()
    expect((await modify(key, {})).body).toMatchObject({ ID: key.id, keyName: 'no-change' })
    const res = await h.post(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret })
    expectStatus(res, 200)
    expect(res.body.keyName).toBe('no-change')
    expect(await h.snapshot()).toEqual(before)
  })

  it('renames a key, trimming the name, and frees the old name', async () => {
    const key = await h.key({ name: 'old-name' })
    const res = await modify(key, { keyName: '  new-name  ' })
    expect(res.body.keyName).toBe('new-name')
    expect((await h.row(key.id))?.key_name).toBe('new-name')
    const reuse = await h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: 'old-name', roleID: 2 } })
    expectStatus(reuse, 200)
  })

  it('ignores read-only properties sent along', async () => {
    const key = await h.key({ name: 'read-only-sent' })
    const before = await h.row(key.id)
    const res = await modify(key, {
      ID: 9999,
      created: 1,
      unsuccessfulSignInAttempts: 9,
      serviceAccount: true,
      lastSignIn: 5,
      unlockTime: 7,
      secretKey: 'x',
      description: 'changed',
    })
    expect(res.body).toMatchObject({ ID: key.id, created: before?.created, unsuccessfulSignInAttempts: 0, serviceAccount: false })
    expect(res.body).not.toHaveProperty('unlockTime')
    expect(await h.row(key.id)).toEqual({ ...before, description: 'changed' })
  })

  describe('lock-out', () => {
    it('locks a key out with active: false; its own secret gets 401 auth.key_locked at once', async () => {
      const key = await h.key({ name: 'to-lock' })
      expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
      const res = await modify(key, { active: false })
      expect(res.body.active).toBe(false)
      expect((await h.row(key.id))?.active).toBe(0)
      const denied = await h.get('/api/apikeys/current', { secret: key.secret })
      expectStatus(denied, 401)
      expect(denied.body.code).toBe('auth.key_locked')
    })

    it('unlocks with active: true; the secret works again at once', async () => {
      const key = await h.key({ name: 'to-unlock', locked: true })
      expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 401)
      const res = await modify(key, { active: true })
      expect(res.body.active).toBe(true)
      expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    })

    it('unlocking a key locked out by failed attempts clears unsuccessfulSignInAttempts and unlockTime', async () => {
      const key = await h.key({ name: 'auto-locked' })
      for (let i = 0; i < h.app.context.config.lockoutThreshold; i++) {
        expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(key.id) }), 401)
      }
      await h.app.context.failures.settled()
      const locked = await h.row(key.id)
      expect(locked).toMatchObject({ active: 0, unsuccessful_sign_in_attempts: h.app.context.config.lockoutThreshold })
      expect(locked?.unlock_time).toBeGreaterThan(h.clock())
      expect((await h.get('/api/apikeys/current', { secret: key.secret })).body.code).toBe('auth.key_locked')

      const res = await modify(key, { active: true })
      expect(res.body).toMatchObject({ active: true, unsuccessfulSignInAttempts: 0 })
      expect(res.body).not.toHaveProperty('unlockTime')
      expect(await h.row(key.id)).toMatchObject({ active: 1, unsuccessful_sign_in_attempts: 0, unlock_time: null })
      expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    })

    it('makes an automatic lock-out permanent when an administrator locks the key', async () => {
      const key = await h.key({ name: 'auto-then-manual' })
      for (let i = 0; i < h.app.context.config.lockoutThreshold; i++) {
        expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(key.id) }), 401)
      }
      await h.app.context.failures.settled()
      const res = await modify(key, { active: false })
      expect(res.body.active).toBe(false)
      expect(res.body).not.toHaveProperty('unlockTime')
      h.clock.advance(h.app.context.config.lockoutDurationMs + 60_000)
      const later = await h.get('/api/apikeys/current', { secret: key.secret })
      expectStatus(later, 401)
      expect(later.body.code).toBe('auth.key_locked')
    })
  })

  describe('role', () => {
    it('takes a role change into account at the next request of the key', async () => {
      const key = await h.key({ name: 'demoted', role: 1 })
      expectStatus(await h.post('/api/apikeys', { secret: key.secret, body: { keyName: 'made-while-full', roleID: 2 } }), 200)

      const res = await modify(key, { roleID: 2 })
      expect(res.body.roleID).toBe(2)
      expect((await h.row(key.id))?.role_id).toBe(2)
      const denied = await h.post('/api/apikeys', { secret: key.secret, body: { keyName: 'made-while-auditor', roleID: 2 } })
      expectStatus(denied, 403)
      expect(denied.body).toEqual({ code: 'apikey.create_denied', message: 'Not authorized to create API keys.' })

      await modify(key, { roleID: 1 })
      expectStatus(await h.post('/api/apikeys', { secret: key.secret, body: { keyName: 'made-while-full-again', roleID: 2 } }), 200)
    })

    it('assigns a custom role', async () => {
      const role = await h.role({ rights: ['apikeyRights.canViewApiKeys'] })
      const key = await h.key({ name: 'custom-role' })
      expect((await modify(key, { roleID: role.id })).body.roleID).toBe(role.id)
      const me = await h.get('/api/apikeys/current', { secret: key.secret })
      expect(me.body.roleURN).toBe(`urn:keyward:identity::0:role/${role.name}`)
    })
  })

  describe('expiry', () => {
    it('sets an expiry in epoch ms; the key expires then', async () => {
      const key = await h.key({ name: 'expiry-set' })
      const expiry = h.clock() + 60_000
      expect((await modify(key, { expiryDate: expiry })).body.expiryDate).toBe(expiry)
      expect((await h.row(key.id))?.expiry_date).toBe(expiry)
      expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
      h.clock.advance(61_000)
      const expired = await h.get('/api/apikeys/current', { secret: key.secret })
      expectStatus(expired, 401)
      expect(expired.body.code).toBe('auth.key_expired')
    })

    it("reads a date alone as the end of that day in the key's time zone, the new one if it changes too", async () => {
      const key = await h.key({ name: 'expiry-day', timeZone: 'UTC' })
      const day = DateTime.fromMillis(h.clock()).plus({ days: 5 }).toISODate()!
      const res = await modify(key, { expiryDate: day, timeZone: 'Pacific/Auckland' })
      expect(res.body.expiryDate).toBe(DateTime.fromISO(day, { zone: 'Pacific/Auckland' }).endOf('day').toMillis())
    })

    it.each([
      ['null', null],
      ['0', 0],
    ])('clears the expiry with %s; an expired key works again', async (_name, value) => {
      const key = await h.key({ name: `expiry-cleared-${String(value)}`, expiresAt: h.clock() + 1000 })
      h.clock.advance(1500)
      expect((await h.get('/api/apikeys/current', { secret: key.secret })).body.code).toBe('auth.key_expired')
      const res = await modify(key, { expiryDate: value })
      expect(res.body).not.toHaveProperty('expiryDate')
      expect((await h.row(key.id))?.expiry_date).toBeNull()
      expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    })

    it('extends the expiry of an expired key', async () => {
      const key = await h.key({ name: 'expiry-extended', expiresAt: h.clock() + 1000 })
      h.clock.advance(1500)
      const later = h.clock() + 86_400_000
      expect((await modify(key, { expiryDate: later })).body.expiryDate).toBe(later)
      expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    })
  })
})
