import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '../../src/auth/password-hash.js'
import { withAudit } from '../helpers/audit-log.js'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { administratorRow, sessionCount } from '../helpers/stored-rows.js'
import { expectStatus, Harness, type TestAdministrator, type TestSession } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: /administrators/current (the signed-in administrator)`, () => {
  let h: Harness
  /** An administrator whose role has no right at all: acting on itself needs none. */
  let me: TestAdministrator
  let session: TestSession
  beforeAll(async () => {
    h = await Harness.start()
    const noRights = await h.role({ name: 'No Rights', rights: [] })
    me = await quickAdministrator(h, { role: noRights.id, username: 'me' })
    session = await h.signIn(me.username, QUICK_PASSWORD)
  })
  afterAll(() => h.close())

  it('describes the signed-in administrator, whatever its role, without a password', async () => {
    const res = await h.get('/api/administrators/current', { session })
    expectStatus(res, 200)
    expect(res.body).toMatchObject({ ID: me.id, username: 'me', active: true, mfaType: 'none', unsuccessfulSignInAttempts: 0, lastSignIn: expect.any(Number) })
    expect(res.body).not.toHaveProperty('password')
    expect(res.text).not.toContain('scrypt')
  })

  it('refuses an API key: there is no signed-in administrator (403 administrator.current_needs_session)', async () => {
    for (const [method, body] of [
      ['GET', undefined],
      ['POST', { fullName: 'key' }],
    ] as const) {
      await expectRefusal(
        h,
        () => h.request(method, '/api/administrators/current', { secret: h.keys.fullAccess.secret, body }),
        403,
        'administrator.current_needs_session',
        'This operation acts on the signed-in administrator. Sign in to the console.',
      )
    }
  })

  it('changes its own profile and preferences, audited as itself', async () => {
    const { result: res, entries } = await withAudit(h, () =>
      h.post('/api/administrators/current', {
        session,
        body: { fullName: 'Me Myself', locale: 'ja-JP', timeZone: 'Europe/Berlin', timeFormat: '12', emailAddress: 'me@example.com' },
      }),
    )
    expectStatus(res, 200)
    expect(res.body).toMatchObject({ fullName: 'Me Myself', locale: 'ja-JP', timeZone: 'Europe/Berlin', timeFormat: '12', emailAddress: 'me@example.com' })
    expect(await administratorRow(h, me.id)).toMatchObject({ full_name: 'Me Myself', locale: 'ja-JP', time_zone: 'Europe/Berlin', time_format: '12' })
    expect(entries).toMatchObject([
      {
        action: 'administrator.modify',
        actorType: 'administrator',
        actorID: me.id,
        actorName: 'me',
        resourceType: 'administrator',
        resourceID: me.id,
        changes: { fullName: { from: '', to: 'Me Myself' }, locale: { from: 'en-US', to: 'ja-JP' } },
      },
    ])
    // Its messages now come in its language.
    const denied = await h.get('/api/apikeys', { session })
    expectStatus(denied, 403)
    expect(denied.body.message).toBe('API キーを表示する権限がありません。')
    expectStatus(await h.post('/api/administrators/current', { session, body: { locale: 'en-US' } }), 200)
  })

  it.each([
    ['username', { username: 'someone-else' }],
    ['roleID', { roleID: 1 }],
    ['active', { active: false }],
    ['mfaType', { mfaType: 'local-totp' }],
  ])('refuses to change its own %s here (403)', async (field, body) => {
    await expectRefusal(
      h,
      () => h.post('/api/administrators/current', { session, body }),
      403,
      'administrator.current_field_denied',
      `You cannot change your own '${field}' here.`,
    )
  })

  it('accepts username, roleID, active and mfaType sent back unchanged', async () => {
    const row = await administratorRow(h, me.id)
    const res = await h.post('/api/administrators/current', {
      session,
      body: { username: 'me', roleID: row!.role_id, active: true, mfaType: 'none', description: 'unchanged rest' },
    })
    expectStatus(res, 200)
    expect((await administratorRow(h, me.id))?.description).toBe('unchanged rest')
  })

  it('refuses a new password without the current one, or with a wrong one (403, counted), and checks the policy (400)', async () => {
    await expectRefusal(
      h,
      () => h.post('/api/administrators/current', { session, body: { password: 'Next-passw0rd-1' } }),
      403,
      'administrator.current_password_invalid',
    )
    // A wrong one is a guess: refused like the rest, but counted and audited as a failed sign-in.
    const { result: wrong, entries } = await withAudit(h, () =>
      h.post('/api/administrators/current', { session, body: { password: 'Next-passw0rd-1', currentPassword: 'Not-the-passw0rd' } }),
    )
    expectStatus(wrong, 403)
    expect(wrong.body).toEqual({ code: 'administrator.current_password_invalid', message: 'The current password is not correct.' })
    expect(entries).toMatchObject([{ action: 'session.sign_in_failed', actorID: me.id, changes: { reason: { to: 'wrong_password' } } }])
    await expectRefusal(
      h,
      () => h.post('/api/administrators/current', { session, body: { password: 'short1', currentPassword: QUICK_PASSWORD } }),
      400,
      'administrator.password_too_short',
    )
  })

  it('changes its own password with the current one: other sessions end, this one stays, audited without values', async () => {
    const other = await h.signIn(me.username, QUICK_PASSWORD)
    expect(await sessionCount(h, me.id)).toBe(2)
    const { result: res, entries } = await withAudit(h, () =>
      h.post('/api/administrators/current', { session, body: { currentPassword: QUICK_PASSWORD, password: 'My-new-passw0rd' } }),
    )
    expectStatus(res, 200)
    expect(await verifyPassword('My-new-passw0rd', (await administratorRow(h, me.id))!.password_hash)).toBe(true)
    expectStatus(await h.get('/api/administrators/current', { session }), 200)
    expectStatus(await h.get('/api/administrators/current', { session: other }), 401)
    expect(await sessionCount(h, me.id)).toBe(1)
    expect(entries).toMatchObject([{ action: 'administrator.set_password', actorID: me.id, resourceID: me.id, changes: { password: {} } }])
    const text = JSON.stringify(entries)
    expect(text).not.toContain('My-new-passw0rd')
    expect(text).not.toContain(QUICK_PASSWORD)
  })

  it('refuses a change without the CSRF token (403), while a read needs none', async () => {
    await expectRefusal(h, () => h.post('/api/administrators/current', { session, csrf: false, body: { fullName: 'csrf' } }), 403, 'auth.csrf_invalid')
    expectStatus(await h.get('/api/administrators/current', { session, csrf: false }), 200)
  })

  it('refuses without credentials (401)', async () => {
    await expectRefusal(h, () => h.get('/api/administrators/current'), 401, 'auth.credentials_missing')
  })
})
