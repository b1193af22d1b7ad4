import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditText, withAudit } from '../helpers/audit-log.js'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { administratorRow } from '../helpers/stored-rows.js'
import { totpCode } from '../helpers/totp-code.js'
import { expectStatus, Harness, type TestAdministrator, type TestSession } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: two-factor authentication (TOTP and recovery codes)`, () => {
  let h: Harness
  let me: TestAdministrator
  let session: TestSession
  let secret: string
  let recoveryCodes: string[]

  const signIn = (mfaCode?: string) =>
    h.post('/api/session', { body: { username: me.username, password: QUICK_PASSWORD, ...(mfaCode === undefined ? {} : { mfaCode }) } })

  beforeAll(async () => {
    h = await Harness.start()
    me = await quickAdministrator(h, { role: 2, username: 'two-factor' })
    session = await h.signIn(me.username, QUICK_PASSWORD)
  })
  afterAll(() => h.close())

  it('refuses activation before enrolment (409 administrator.mfa_not_pending)', async () => {
    await expectRefusal(
      h,
      () => h.post('/api/administrators/current/mfa/activation', { session, body: { code: '123456', password: QUICK_PASSWORD } }),
      409,
      'administrator.mfa_not_pending',
    )
  })

  it('starts enrolment: a base32 secret and its otpauth URI, pending; mfaType stays none', async () => {
    const res = await h.post('/api/administrators/current/mfa/enrolment', { session })
    expectStatus(res, 200)
    expect(res.body).toEqual({ secret: expect.stringMatching(/^[A-Z2-7]{16,}$/), uri: expect.stringMatching(/^otpauth:\/\/totp\//) })
    secret = res.body.secret
    expect(res.body.uri).toContain(`secret=${secret}`)
    expect(res.body.uri).toContain('two-factor')
    expect(res.body.uri).toContain('issuer=Keyward')
    expect(await administratorRow(h, me.id)).toMatchObject({ mfa_type: 'none', totp_pending_secret: secret, totp_secret: null })
    // Still no second factor needed.
    expectStatus(await signIn(), 200)
  })

  it('refuses a wrong code (400), changing nothing, in words the console uses (no field name)', async () => {
    const good = await totpCode(h, secret)
    const wrong = String((Number(good) + 1) % 1_000_000).padStart(6, '0')
    const message = 'The code does not match your authenticator app. Enter the code it shows now; it changes every 30 seconds.'
    await expectRefusal(
      h,
      () => h.post('/api/administrators/current/mfa/activation', { session, body: { code: wrong, password: QUICK_PASSWORD } }),
      400,
      'administrator.mfa_code_invalid',
      message,
    )
  })

  it('activates with a code from the app: ten recovery codes shown once, only their hashes stored, audited', async () => {
    const code = await totpCode(h, secret)
    const { result: res, entries } = await withAudit(h, () =>
      h.post('/api/administrators/current/mfa/activation', { session, body: { code, password: QUICK_PASSWORD } }),
    )
    expectStatus(res, 200)
    expect(res.body.administrator).toMatchObject({ ID: me.id, mfaType: 'local-totp' })
    recoveryCodes = res.body.recoveryCodes
    expect(recoveryCodes).toHaveLength(10)
    expect(new Set(recoveryCodes).size).toBe(10)
    for (const recovery of recoveryCodes) expect(recovery).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/)
    const row = await administratorRow(h, me.id)
    expect(row).toMatchObject({ mfa_type: 'local-totp', totp_secret: secret, totp_pending_secret: null })
    expect(JSON.parse(row!.recovery_codes)).toHaveLength(10)
    for (const recovery of recoveryCodes) expect(row!.recovery_codes).not.toContain(recovery)
    expect(entries).toMatchObject([
      { action: 'administrator.mfa_on', actorID: me.id, resourceID: me.id, changes: { mfaType: { from: 'none', to: 'local-totp' } } },
    ])
    expect(JSON.stringify(entries)).not.toContain(secret)
    // Never shown again.
    expect((await h.get('/api/administrators/current', { session })).text).not.toContain(secret)
  })

  it('refuses a second enrolment while it is on (409)', async () => {
    await expectRefusal(h, () => h.post('/api/administrators/current/mfa/enrolment', { session }), 409, 'administrator.mfa_already_enabled')
  })

  it('asks for a code at sign-in once it is on (401 auth.mfa_required), without counting a failure', async () => {
    const res = await signIn()
    expectStatus(res, 401)
    expect(res.body).toEqual({ code: 'auth.mfa_required', message: 'Enter the code from your authenticator app, or a recovery code.' })
    expect(res.headers['set-cookie']).toBeUndefined()
    expect((await administratorRow(h, me.id))?.unsuccessful_sign_in_attempts).toBe(0)
  })

  it('refuses a wrong code at sign-in (401 auth.mfa_invalid), counting it as a failed sign-in', async () => {
    const res = await signIn('000000' === (await totpCode(h, secret)) ? '111111' : '000000')
    expectStatus(res, 401)
    expect(res.body.code).toBe('auth.mfa_invalid')
    expect((await administratorRow(h, me.id))?.unsuccessful_sign_in_attempts).toBe(1)
  })

  it('signs in with the current code, but not twice with the same one', async () => {
    const code = await totpCode(h, secret)
    const first = await signIn(code)
    expectStatus(first, 200)
    expect(first.body.administrator).toMatchObject({ ID: me.id, mfaType: 'local-totp', unsuccessfulSignInAttempts: 0 })
    const replay = await signIn(code)
    expectStatus(replay, 401)
    expect(replay.body.code).toBe('auth.mfa_invalid')
  })

  it('refuses a password with a good code when the password is wrong (401 auth.sign_in_failed)', async () => {
    const code = await totpCode(h, secret)
    const res = await h.post('/api/session', { body: { username: me.username, password: 'Wrong-passw0rd', mfaCode: code } })
    expectStatus(res, 401)
    expect(res.body.code).toBe('auth.sign_in_failed')
  })

  it('signs in with a recovery code exactly once (case, spaces and dashes do not matter)', async () => {
    const recovery = recoveryCodes[3]!
    const typed = ` ${recovery.toUpperCase().replaceAll('-', ' ')} `
    const first = await signIn(typed)
    expectStatus(first, 200)
    const row = await administratorRow(h, me.id)
    expect(JSON.parse(row!.recovery_codes)).toHaveLength(9)
    const again = await signIn(recovery)
    expectStatus(again, 401)
    expect(again.body.code).toBe('auth.mfa_invalid')
    expectStatus(await signIn(recoveryCodes[4]), 200)
    expect(JSON.parse((await administratorRow(h, me.id))!.recovery_codes)).toHaveLength(8)
  })

  it('accepts a recovery code once even when two sign-ins race with it', async () => {
    const recovery = recoveryCodes[6]!
    const results = await Promise.all([signIn(recovery), signIn(recovery)])
    expect(results.map((res) => res.status).sort()).toEqual([200, 401])
    expect(JSON.parse((await administratorRow(h, me.id))!.recovery_codes)).toHaveLength(7)
  })

  it('refuses to turn it off with a wrong password or code (403, audited as failed sign-ins), and turns it off with both right, audited', async () => {
    const code = await totpCode(h, secret)
    for (const [body, refusal] of [
      [{ password: 'Wrong-passw0rd', code }, 'administrator.current_password_invalid'],
      [{ password: QUICK_PASSWORD, code: code === '000000' ? '111111' : '000000' }, 'administrator.current_mfa_invalid'],
    ] as const) {
      const { result: refused, entries } = await withAudit(h, () => h.post('/api/administrators/current/mfa/deactivation', { session, body }))
      expectStatus(refused, 403)
      expect(refused.body.code).toBe(refusal)
      expect(entries).toMatchObject([{ action: 'session.sign_in_failed', actorID: me.id, resourceID: me.id }])
    }
    expect((await administratorRow(h, me.id))?.mfa_type).toBe('local-totp')
    const { result: res, entries } = await withAudit(h, () =>
      h.post('/api/administrators/current/mfa/deactivation', { session, body: { password: QUICK_PASSWORD, code } }),
    )
    expectStatus(res, 200)
    expect(res.body).toMatchObject({ ID: me.id, mfaType: 'none' })
    expect(await administratorRow(h, me.id)).toMatchObject({ mfa_type: 'none', totp_secret: null, totp_pending_secret: null, recovery_codes: '[]' })
    expect(entries).toMatchObject([
      { action: 'administrator.mfa_off', actorID: me.id, resourceID: me.id, changes: { mfaType: { from: 'local-totp', to: 'none' } } },
    ])
    expectStatus(await signIn(), 200)
    // Recovery codes are gone with the factor: a code is now just an ignored extra field.
    expectStatus(await signIn(recoveryCodes[5]), 200)
    expect((await administratorRow(h, me.id))?.recovery_codes).toBe('[]')
  })

  it('lets another administrator with the right turn it off for a lost phone (mfaType: none)', async () => {
    const other = await quickAdministrator(h, { role: 2 })
    const otherSession = await h.signIn(other.username, QUICK_PASSWORD)
    const enrolment = await h.post('/api/administrators/current/mfa/enrolment', { session: otherSession })
    expectStatus(enrolment, 200)
    expectStatus(
      await h.post('/api/administrators/current/mfa/activation', {
        session: otherSession,
        body: { code: await totpCode(h, enrolment.body.secret), password: QUICK_PASSWORD },
      }),
      200,
    )
    const { result: res, entries } = await withAudit(h, () =>
      h.post(`/api/administrators/${other.id}`, { secret: h.keys.fullAccess.secret, body: { mfaType: 'none' } }),
    )
    expectStatus(res, 200)
    expect(await administratorRow(h, other.id)).toMatchObject({ mfa_type: 'none', totp_secret: null, recovery_codes: '[]' })
    expect(entries).toMatchObject([{ action: 'administrator.mfa_off', actorType: 'apikey', resourceID: other.id }])
    await h.signIn(other.username, QUICK_PASSWORD)
  })

  it('refuses the second-factor operations to an API key (403) and without CSRF (403)', async () => {
    for (const [path, body] of [
      ['enrolment', undefined],
      ['activation', { code: '123456', password: QUICK_PASSWORD }],
      ['deactivation', { password: QUICK_PASSWORD, code: '123456' }],
    ] as const) {
      await expectRefusal(
        h,
        () => h.post(`/api/administrators/current/mfa/${path}`, { secret: h.keys.fullAccess.secret, body }),
        403,
        'administrator.current_needs_session',
      )
      await expectRefusal(h, () => h.post(`/api/administrators/current/mfa/${path}`, { session, csrf: false, body }), 403, 'auth.csrf_invalid')
    }
  })

  it('never wrote a TOTP secret or a recovery code to the audit log or the logs', async () => {
    const text = await auditText(h)
    const logs = h.logs.join('\n')
    for (const value of [secret, ...recoveryCodes]) {
      expect(text).not.toContain(value)
      expect(logs).not.toContain(value)
    }
  })
})
