import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '../../src/auth/password-hash.js'
import { withAudit } from '../helpers/audit-log.js'
import { administratorRow } from '../helpers/stored-rows.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: administrators create (happy)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('creates an administrator, never returns its password, stores only a scrypt hash, and audits it without the password', async () => {
    const password = 'Brand-new-passw0rd'
    const body = {
      username: 'jdoe',
      password,
      roleID: 2,
      fullName: 'Jane Doe',
      description: 'Security team',
      locale: 'ja-JP',
      timeZone: 'Asia/Tokyo',
      timeFormat: '12',
      emailAddress: 'jane@example.com',
      passwordNeverExpires: true,
    }
    const before = h.clock()
    const { result: res, entries } = await withAudit(h, () => h.post('/api/administrators', { secret: h.keys.fullAccess.secret, body }))
    expectStatus(res, 200)
    const { password: _password, ...shown } = body
    expect(res.body).toEqual({
      ...shown,
      ID: expect.any(Number),
      active: true,
      mfaType: 'none',
      created: expect.any(Number),
      lastPasswordChange: res.body.created,
      unsuccessfulSignInAttempts: 0,
    })
    expect(res.body.created).toBeGreaterThanOrEqual(before)
    expect(res.text).not.toContain(password)

    const row = await administratorRow(h, res.body.ID)
    expect(row).toMatchObject({
      username: 'jdoe',
      role_id: 2,
      full_name: 'Jane Doe',
      locale: 'ja-JP',
      time_zone: 'Asia/Tokyo',
      time_format: '12',
      active: 1,
      mfa_type: 'none',
    })
    expect(row!.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(row!.password_hash).not.toContain(password)
    expect(await verifyPassword(password, row!.password_hash)).toBe(true)
    expect(await verifyPassword('Brand-new-passw0rD', row!.password_hash)).toBe(false)

    expect(entries).toEqual([
      {
        ID: expect.any(Number),
        time: expect.any(Number),
        actorType: 'apikey',
        actorID: h.keys.fullAccess.id,
        actorName: 'harness-full-access',
        action: 'administrator.create',
        resourceType: 'administrator',
        resourceID: res.body.ID,
        resourceName: 'jdoe',
        changes: {
          username: { to: 'jdoe' },
          fullName: { to: 'Jane Doe' },
          description: { to: 'Security team' },
          roleID: { to: 2 },
          locale: { to: 'ja-JP' },
          timeZone: { to: 'Asia/Tokyo' },
          timeFormat: { to: '12' },
          emailAddress: { to: 'jane@example.com' },
          active: { to: true },
          passwordNeverExpires: { to: true },
          password: {},
        },
        address: '127.0.0.1',
      },
    ])
    expect(JSON.stringify(entries)).not.toContain(password)

    const described = await h.get(`/api/administrators/${res.body.ID}`, { secret: h.keys.fullAccess.secret })
    expect(described.body).not.toHaveProperty('password')
    expect(described.body).toEqual(res.body)
  })

  it('creates an administrator who can sign in at once with that password', async () => {
    const res = await h.post('/api/administrators', {
      secret: h.keys.fullAccess.secret,
      body: { username: 'signs-in', password: 'Sign-in-passw0rd', roleID: 2 },
    })
    expectStatus(res, 200)
    const session = await h.signIn('signs-in', 'Sign-in-passw0rd')
    expect(session.body.administrator).toMatchObject({ ID: res.body.ID, username: 'signs-in', roleID: 2 })
  })

  it("defaults language and time zone to the creator's, time format to 24 for a key, and the rest to empty", async () => {
    const creator = await h.key({ locale: 'ja-JP', timeZone: 'Europe/Paris' })
    const res = await h.post('/api/administrators', { secret: creator.secret, body: { username: 'defaults', password: 'Default-passw0rd', roleID: 2 } })
    expectStatus(res, 200)
    expect(res.body).toMatchObject({
      locale: 'ja-JP',
      timeZone: 'Europe/Paris',
      timeFormat: '24',
      fullName: '',
      description: '',
      emailAddress: '',
      active: true,
      passwordNeverExpires: false,
    })
  })

  it('ignores read-only properties sent back and can create a locked-out administrator (active: false)', async () => {
    const res = await h.post('/api/administrators', {
      secret: h.keys.fullAccess.secret,
      body: {
        username: 'born-locked',
        password: 'Locked-passw0rd',
        roleID: 2,
        active: false,
        ID: 1,
        created: 1,
        unsuccessfulSignInAttempts: 9,
        lastSignIn: 5,
        unlockTime: 7,
      },
    })
    expectStatus(res, 200)
    expect(res.body.ID).not.toBe(1)
    expect(res.body).toMatchObject({ active: false, unsuccessfulSignInAttempts: 0 })
    expect(res.body.created).toBeGreaterThan(1)
    for (const field of ['lastSignIn', 'unlockTime']) expect(res.body, field).not.toHaveProperty(field)
    const refused = await h.post('/api/session', { body: { username: 'born-locked', password: 'Locked-passw0rd' } })
    expectStatus(refused, 401)
    expect(refused.body.code).toBe('auth.administrator_locked_manually')
  })

  it('creates an administrator from a console session, audited as the administrator', async () => {
    const session = await h.signInAsAdmin()
    const { result: res, entries } = await withAudit(h, () =>
      h.post('/api/administrators', { session, body: { username: 'by-session', password: 'Session-passw0rd', roleID: 1 } }),
    )
    expectStatus(res, 200)
    expect((await administratorRow(h, res.body.ID))?.role_id).toBe(1)
    expect(entries).toMatchObject([{ action: 'administrator.create', actorType: 'administrator', actorID: 1, actorName: 'admin', resourceID: res.body.ID }])
  })
})
