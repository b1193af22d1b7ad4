import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '../../src/auth/password-hash.js'
import { withAudit } from '../helpers/audit-log.js'
import { quickAdministrator } from '../helpers/quick-administrator.js'
import { administratorRow, sessionCount } from '../helpers/stored-rows.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: administrators modify (happy)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const modify = (id: number, body: unknown) => h.post(`/api/administrators/${id}`, { secret: h.keys.fullAccess.secret, body })

  it('changes only the properties sent, stores them and audits each with its old and new value', async () => {
    const admin = await quickAdministrator(h, { role: 2, username: 'before-name' })
    const { result: res, entries } = await withAudit(h, () =>
      modify(admin.id, {
        username: 'after-name',
        fullName: 'After Name',
        roleID: 1,
        locale: 'ja-JP',
        timeZone: 'Asia/Tokyo',
        timeFormat: '12',
        emailAddress: 'a@example.com',
      }),
    )
    expectStatus(res, 200)
    expect(res.body).toMatchObject({
      ID: admin.id,
      username: 'after-name',
      fullName: 'After Name',
      roleID: 1,
      locale: 'ja-JP',
      timeZone: 'Asia/Tokyo',
      timeFormat: '12',
      description: '',
    })
    expect(res.body).not.toHaveProperty('password')
    expect(await administratorRow(h, admin.id)).toMatchObject({
      username: 'after-name',
      full_name: 'After Name',
      role_id: 1,
      locale: 'ja-JP',
      time_zone: 'Asia/Tokyo',
      time_format: '12',
    })
    expect(entries).toEqual([
      {
        ID: expect.any(Number),
        time: expect.any(Number),
        actorType: 'apikey',
        actorID: h.keys.fullAccess.id,
        actorName: 'harness-full-access',
        action: 'administrator.modify',
        resourceType: 'administrator',
        resourceID: admin.id,
        resourceName: 'after-name',
        changes: {
          username: { from: 'before-name', to: 'after-name' },
          fullName: { from: '', to: 'After Name' },
          roleID: { from: 2, to: 1 },
          locale: { from: 'en-US', to: 'ja-JP' },
          timeZone: { from: 'UTC', to: 'Asia/Tokyo' },
          timeFormat: { from: '24', to: '12' },
          emailAddress: { from: '', to: 'a@example.com' },
        },
        address: '127.0.0.1',
      },
    ])
  })

  it('sets a new password: stores a new scrypt hash, moves lastPasswordChange, ends the sessions, audits only that it changed', async () => {
    const admin = await quickAdministrator(h)
    await h.signIn(admin.username, admin.password)
    const old = await administratorRow(h, admin.id)
    h.clock.advance(1000)
    const { result: res, entries } = await withAudit(h, () => modify(admin.id, { password: 'Replaced-passw0rd' }))
    expectStatus(res, 200)
    expect(res.text).not.toContain('Replaced-passw0rd')
    const row = await administratorRow(h, admin.id)
    expect(row!.password_hash).not.toBe(old!.password_hash)
    expect(await verifyPassword('Replaced-passw0rd', row!.password_hash)).toBe(true)
    expect(Number(row!.last_password_change)).toBeGreaterThan(Number(old!.last_password_change))
    expect(res.body.lastPasswordChange).toBe(Number(row!.last_password_change))
    expect(await sessionCount(h, admin.id)).toBe(0)
    expect(entries).toMatchObject([{ action: 'administrator.set_password', resourceID: admin.id, changes: { password: {} } }])
    expect(JSON.stringify(entries)).not.toContain('Replaced-passw0rd')
    expectStatus(await h.post('/api/session', { body: { username: admin.username, password: admin.password } }), 401)
    await h.signIn(admin.username, 'Replaced-passw0rd')
  })

  it('locks an administrator out (active: false) with no unlockTime, ending its sessions; active: true unlocks and clears the count', async () => {
    const admin = await quickAdministrator(h)
    await h.signIn(admin.username, admin.password)
    expectStatus(await h.post('/api/session', { body: { username: admin.username, password: 'wrong-passw0rd1' } }), 401)

    const locked = await withAudit(h, () => modify(admin.id, { active: false }))
    expectStatus(locked.result, 200)
    expect(locked.result.body).toMatchObject({ active: false, unsuccessfulSignInAttempts: 1 })
    expect(locked.result.body).not.toHaveProperty('unlockTime')
    expect(await administratorRow(h, admin.id)).toMatchObject({ active: 0, unlock_time: null })
    expect(await sessionCount(h, admin.id)).toBe(0)
    expect(locked.entries).toMatchObject([{ action: 'administrator.lock', resourceID: admin.id, changes: { active: { from: true, to: false } } }])
    h.clock.advance(365 * 86_400_000)
    const refused = await h.post('/api/session', { body: { username: admin.username, password: admin.password } })
    expectStatus(refused, 401)
    expect(refused.body.code).toBe('auth.administrator_locked_manually')

    const unlocked = await withAudit(h, () => modify(admin.id, { active: true }))
    expectStatus(unlocked.result, 200)
    expect(unlocked.result.body).toMatchObject({ active: true, unsuccessfulSignInAttempts: 0 })
    expect(await administratorRow(h, admin.id)).toMatchObject({ active: 1, unlock_time: null, unsuccessful_sign_in_attempts: 0 })
    expect(unlocked.entries).toMatchObject([{ action: 'administrator.unlock', resourceID: admin.id, changes: { active: { from: false, to: true } } }])
    await h.signIn(admin.username, admin.password)
  })

  it('changes nothing and writes no audit entry when every value sent is the current one', async () => {
    const admin = await quickAdministrator(h, { role: 2 })
    const before = await administratorRow(h, admin.id)
    const { result: res, entries } = await withAudit(h, () =>
      modify(admin.id, { username: admin.username, roleID: 2, active: true, mfaType: 'none', created: 1, ID: 9 }),
    )
    expectStatus(res, 200)
    expect(await administratorRow(h, admin.id)).toEqual(before)
    expect(entries).toEqual([])
  })

  it('lets a signed-in administrator edit itself through its ID and keeps its own session when it sets its password', async () => {
    const admin = await quickAdministrator(h)
    const session = await h.signIn(admin.username, admin.password)
    const other = await h.signIn(admin.username, admin.password)
    // Its own password needs the present one (test/security/reauthentication.test.ts).
    expectStatus(
      await h.post(`/api/administrators/${admin.id}`, { session, body: { password: 'Self-set-passw0rd', fullName: 'Self', currentPassword: admin.password } }),
      200,
    )
    expectStatus(await h.get('/api/session', { session }), 200)
    expectStatus(await h.get('/api/session', { session: other }), 401)
    expect(await sessionCount(h, admin.id)).toBe(1)
  })

  it('demotes one of two Full Access administrators', async () => {
    const second = await quickAdministrator(h, { role: 1 })
    expectStatus(await modify(second.id, { roleID: 2 }), 200)
    expect((await administratorRow(h, second.id))?.role_id).toBe(2)
  })
})
