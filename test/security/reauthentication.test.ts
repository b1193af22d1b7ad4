import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditSince, lastAuditId } from '../helpers/audit-log.js'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { expectStatus, Harness, type TestAdministrator, type TestSession } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { administratorRow } from '../helpers/stored-rows.js'
import { testEngine } from '../helpers/test-database.js'
import { enrolMfa, totpCode } from '../helpers/totp-code.js'

/**
 * Issue 9, finding 4: a stolen session must not take the account over. Changing one's own
 * password or second factor needs the present password (and a code when the second factor is
 * on), whatever the route, counted and audited like a sign-in.
 */
describe(`${testEngine()}: re-authentication for one's own password and second factor`, () => {
  let h: Harness
  let admin: TestAdministrator
  let session: TestSession
  beforeAll(async () => {
    h = await Harness.start()
    admin = await quickAdministrator(h)
    session = await h.signIn(admin.username, QUICK_PASSWORD)
  })
  afterAll(() => h.close())

  const modifySelf = (body: object) => h.post(`/api/administrators/${admin.id}`, { session, body })

  it('POST /administrators/{own ID} refuses a new password without the present one, and counts and audits a wrong one', async () => {
    await expectRefusal(h, () => modifySelf({ password: 'Taken-over-passw0rd' }), 403, 'administrator.current_password_invalid')
    const mark = await lastAuditId(h)
    expectStatus(await modifySelf({ password: 'Taken-over-passw0rd', currentPassword: 'Wrong-passw0rd' }), 403)
    expect(await auditSince(h, mark)).toMatchObject([{ action: 'session.sign_in_failed', actorType: 'administrator', actorID: admin.id }])
    expect((await administratorRow(h, admin.id))?.unsuccessful_sign_in_attempts).toBeGreaterThan(0)
    const changed = await modifySelf({ password: 'Own-new-passw0rd', currentPassword: QUICK_PASSWORD })
    expectStatus(changed, 200)
    await h.signIn(admin.username, 'Own-new-passw0rd')
  })

  it('POST /administrators/{own ID} refuses mfaType none without the password and a code', async () => {
    const secret = await enrolMfa(h, session, 'Own-new-passw0rd')
    await expectRefusal(h, () => modifySelf({ mfaType: 'none' }), 403, 'administrator.current_password_invalid')
    expect((await modifySelf({ mfaType: 'none', currentPassword: 'Own-new-passw0rd' })).body.code).toBe('administrator.current_mfa_invalid')
    expect((await administratorRow(h, admin.id))?.mfa_type).toBe('local-totp')
    // With the second factor on, a new password needs a code too, on both routes.
    expect((await modifySelf({ password: 'Third-passw0rd', currentPassword: 'Own-new-passw0rd' })).body.code).toBe('administrator.current_mfa_invalid')
    expect(
      (await h.post('/api/administrators/current', { session, body: { password: 'Third-passw0rd', currentPassword: 'Own-new-passw0rd' } })).body.code,
    ).toBe('administrator.current_mfa_invalid')
    expectStatus(await modifySelf({ mfaType: 'none', currentPassword: 'Own-new-passw0rd', mfaCode: await totpCode(h, secret) }), 200)
    expect((await administratorRow(h, admin.id))?.mfa_type).toBe('none')
  })

  it('turning the second factor on needs the password as well as a code from the new secret', async () => {
    const enrolment = await h.post('/api/administrators/current/mfa/enrolment', { session })
    const code = await totpCode(h, enrolment.body.secret)
    expectStatus(await h.post('/api/administrators/current/mfa/activation', { session, body: { code } }), 400)
    expect((await h.post('/api/administrators/current/mfa/activation', { session, body: { code, password: 'Wrong-passw0rd' } })).body.code).toBe(
      'administrator.current_password_invalid',
    )
    expect((await administratorRow(h, admin.id))?.mfa_type).toBe('none')
  })

  it('needs nothing more when someone else sets the password (an administrator with the right, or a key)', async () => {
    const other = await quickAdministrator(h)
    const adminSession = await h.signInAsAdmin()
    expectStatus(await h.post(`/api/administrators/${other.id}`, { session: adminSession, body: { password: 'Set-by-admin-passw0rd' } }), 200)
    expectStatus(await h.post(`/api/administrators/${other.id}`, { secret: h.keys.fullAccess.secret, body: { password: 'Set-by-key-passw0rd' } }), 200)
  })
})
