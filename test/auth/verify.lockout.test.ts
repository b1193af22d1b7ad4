import { setImmediate as afterIo } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createSecret } from '../../src/auth/secret-format.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'
import { translate } from '../../src/i18n/translate.js'

const THIRTY_MINUTES = 30 * 60_000

/** Automatic key lock-out is opt-in (`KEYWARD_KEY_LOCKOUT=true`); test/security/lockout-weapon.test.ts covers the default. */
describe(`${testEngine()}: verify lock-out, when turned on`, () => {
  let h: Harness
  beforeAll(async () => {
    // Failures below the threshold are written when a test settles them, never on a timer.
    h = await Harness.start({ keyLockout: true, failureWriteIntervalMs: 3_600_000 })
  })
  afterAll(() => h.close())

  const fail = async (id: number, times: number) => {
    for (let i = 0; i < times; i++) {
      const res = await h.get('/api/apikeys/current', { secret: createSecret(id) })
      expectStatus(res, 401)
      expect(res.body.code).toBe('auth.secret_invalid')
    }
    await h.app.context.failures.settled()
  }

  it('counts failed authentications and locks the key after five, until unlockTime', async () => {
    const key = await h.key()
    await fail(key.id, 4)
    expect(await h.row(key.id)).toMatchObject({ unsuccessful_sign_in_attempts: 4, active: 1, unlock_time: null })
    const before = h.clock()
    await fail(key.id, 1)
    const row = await h.row(key.id)
    expect(row).toMatchObject({ unsuccessful_sign_in_attempts: 5, active: 0 })
    expect(Number(row?.unlock_time)).toBeGreaterThanOrEqual(before + THIRTY_MINUTES)
    expect(Number(row?.unlock_time)).toBeLessThan(h.clock() + THIRTY_MINUTES + 1000)

    // Now even the right secret is refused, and the API shows the lock-out.
    const locked = await h.get('/api/apikeys/current', { secret: key.secret })
    expectStatus(locked, 401)
    expect(locked.body.code).toBe('auth.key_locked')
    const described = await h.get(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret })
    expect(described.body).toMatchObject({ active: false, unsuccessfulSignInAttempts: 5, unlockTime: Number(row?.unlock_time) })

    // After unlockTime the key works again and its count starts over.
    h.clock.advance(THIRTY_MINUTES + 1000)
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    expect(await h.row(key.id)).toMatchObject({ active: 1, unlock_time: null, unsuccessful_sign_in_attempts: 0 })
  })

  it("answers a locked key's holder in the key's language, not the client's (ja-JP)", async () => {
    const key = await h.key({ locale: 'ja-JP' })
    await fail(key.id, 5)
    const locked = await h.get('/api/apikeys/current', { secret: key.secret, headers: { 'accept-language': 'en-US' } })
    expectStatus(locked, 401)
    expect(locked.body).toEqual({ code: 'auth.key_locked', message: translate('auth.key_locked', 'ja-JP') })
  })

  it('locks the key out again after more failures once an automatic lock-out has run out', async () => {
    const key = await h.key()
    await fail(key.id, 5)
    h.clock.advance(THIRTY_MINUTES + 1000)
    // The lock-out is over: the count starts again, and four more failures do not lock it.
    await fail(key.id, 4)
    expect(await h.row(key.id)).toMatchObject({ active: 1, unsuccessful_sign_in_attempts: 4, unlock_time: null })
    await fail(key.id, 1)
    expect(await h.row(key.id)).toMatchObject({ active: 0, unsuccessful_sign_in_attempts: 5 })
    expect((await h.get('/api/apikeys/current', { secret: key.secret })).body.code).toBe('auth.key_locked')
  })

  it('locks the key at once when a burst of failures reaches the threshold, before their count is written', async () => {
    const key = await h.key()
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    // Sent together, the right secret last: it is verified before the failures are written.
    const answers = await Promise.all([
      ...[...Array(5)].map(() => h.get('/api/apikeys/current', { secret: createSecret(key.id) })),
      h.get('/api/apikeys/current', { secret: key.secret }),
    ])
    const right = answers.pop()!
    for (const res of answers) expect(res.body.code).toBe('auth.secret_invalid')
    expectStatus(right, 401)
    expect(right.body.code).toBe('auth.key_locked')
    expect(await h.row(key.id)).toMatchObject({ active: 0, unsuccessful_sign_in_attempts: 5 })
  })

  it('writes the failure that reaches the threshold at once, not after the interval', async () => {
    const key = await h.key()
    for (let i = 0; i < 4; i++) {
      expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(key.id) }), 401)
      // Turns of the event loop, in which a write after each answer would start.
      await afterIo()
      await afterIo()
    }
    expect(await h.row(key.id)).toMatchObject({ unsuccessful_sign_in_attempts: 0, active: 1 })
    expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(key.id) }), 401)
    await vi.waitFor(async () => expect(await h.row(key.id)).toMatchObject({ unsuccessful_sign_in_attempts: 5, active: 0 }), { timeout: 30_000, interval: 20 })
  })

  it('resets the count on a successful authentication, after the answer', async () => {
    const key = await h.key()
    await fail(key.id, 3)
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    await h.app.context.failures.settled()
    expect((await h.row(key.id))?.unsuccessful_sign_in_attempts).toBe(0)
    await fail(key.id, 4)
    expect((await h.row(key.id))?.active).toBe(1)
  })

  it('unlocks on a manual unlock (active: true), which also resets the count', async () => {
    const key = await h.key()
    await fail(key.id, 5)
    const unlocked = await h.post(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret, body: { active: true } })
    expectStatus(unlocked, 200)
    expect(unlocked.body).toMatchObject({ active: true, unsuccessfulSignInAttempts: 0 })
    expect(unlocked.body).not.toHaveProperty('unlockTime')
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
  })

  it('keeps a manual lock-out until someone unlocks it, however long it takes', async () => {
    const key = await h.key({ locked: true })
    h.clock.advance(365 * 86_400_000)
    expect((await h.get('/api/apikeys/current', { secret: key.secret })).body.code).toBe('auth.key_locked')
  })

  it("does not count another key's failures, nor lock a key by failures with malformed secrets", async () => {
    const key = await h.key()
    const other = await h.key()
    await fail(other.id, 5)
    for (let i = 0; i < 6; i++) expectStatus(await h.get('/api/apikeys/current', { secret: `kw_${key.id}_garbage` }), 401)
    await h.app.context.failures.settled()
    expect(await h.row(key.id)).toMatchObject({ active: 1, unsuccessful_sign_in_attempts: 0 })
  })

  it('uses the configured threshold and duration', async () => {
    const strict = await Harness.start({ keyLockout: true, lockoutThreshold: 2, lockoutDurationMs: 60_000 })
    try {
      const key = await strict.key()
      for (let i = 0; i < 2; i++) await strict.get('/api/apikeys/current', { secret: createSecret(key.id) })
      await strict.app.context.failures.settled()
      const row = await strict.row(key.id)
      expect(row?.active).toBe(0)
      expect(Number(row?.unlock_time) - strict.clock()).toBeLessThanOrEqual(60_000)
      strict.clock.advance(61_000)
      expectStatus(await strict.get('/api/apikeys/current', { secret: key.secret }), 200)
    } finally {
      await strict.close()
    }
  })
})
