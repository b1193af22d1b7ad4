import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redactSecrets } from '../../src/auth/secret-format.js'
import { auditText } from '../helpers/audit-log.js'
import { totpCode } from '../helpers/totp-code.js'
import { expectStatus, HARNESS_ADMIN_PASSWORD, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/**
 * Every way a secret or a password passes through Keyward, then one look at the whole audit
 * log, its API and the logs for any of their values.
 */
describe(`${testEngine()}: no secret or password value in the audit log or the logs`, () => {
  let h: Harness
  const values: string[] = []

  beforeAll(async () => {
    h = await Harness.start()
    const key = { secret: h.keys.fullAccess.secret }
    values.push(h.keys.fullAccess.secret, h.keys.auditor.secret, HARNESS_ADMIN_PASSWORD)

    const created = await h.post('/api/apikeys', { ...key, body: { keyName: 'secret-holder', roleID: 2 } })
    expectStatus(created, 200)
    values.push(created.body.secretKey)
    const renewed = await h.post(`/api/apikeys/${created.body.ID}/secretkey`, key)
    expectStatus(renewed, 200)
    values.push(renewed.body.secretKey)
    const self = await h.post('/api/apikeys/current/secretkey', { secret: renewed.body.secretKey })
    expectStatus(self, 200)
    values.push(self.body.secretKey)

    const admin = await h.post('/api/administrators', { ...key, body: { username: 'password-holder', password: 'First-secret-passw0rd', roleID: 1 } })
    expectStatus(admin, 200)
    values.push('First-secret-passw0rd')
    expectStatus(await h.post(`/api/administrators/${admin.body.ID}`, { ...key, body: { password: 'Second-secret-passw0rd' } }), 200)
    values.push('Second-secret-passw0rd')
    const session = await h.signIn('password-holder', 'Second-secret-passw0rd')
    values.push(/keyward_session=(.+)/.exec(session.cookie)![1]!, session.csrfToken)
    expectStatus(
      await h.post('/api/administrators/current', { session, body: { currentPassword: 'Second-secret-passw0rd', password: 'Third-secret-passw0rd' } }),
      200,
    )
    values.push('Third-secret-passw0rd')
    expectStatus(await h.post('/api/session', { body: { username: 'password-holder', password: 'Typo-secret-passw0rd' } }), 401)
    values.push('Typo-secret-passw0rd')
    expectStatus(await h.post('/api/session', { body: { username: 'ghost', password: 'Ghost-secret-passw0rd' } }), 401)
    values.push('Ghost-secret-passw0rd')

    const enrolment = await h.post('/api/administrators/current/mfa/enrolment', { session })
    expectStatus(enrolment, 200)
    values.push(enrolment.body.secret)
    const activation = await h.post('/api/administrators/current/mfa/activation', {
      session,
      body: { code: await totpCode(h, enrolment.body.secret), password: 'Third-secret-passw0rd' },
    })
    expectStatus(activation, 200)
    values.push(...activation.body.recoveryCodes)
    expectStatus(
      await h.post('/api/session', { body: { username: 'password-holder', password: 'Third-secret-passw0rd', mfaCode: activation.body.recoveryCodes[0] } }),
      200,
    )
    expectStatus(
      await h.post('/api/administrators/current/mfa/deactivation', {
        session,
        body: { password: 'Third-secret-passw0rd', code: activation.body.recoveryCodes[1] },
      }),
      200,
    )
    await h.app.context.usage.flush()
  })
  afterAll(() => h.close())

  it('wrote an entry for each of those changes', async () => {
    const res = await h.get('/api/auditevents', { secret: h.keys.fullAccess.secret })
    const actions = res.body.auditEvents.map((e: any) => e.action).reverse()
    expect(actions).toEqual(
      expect.arrayContaining([
        'apikey.new_secret',
        'administrator.create',
        'administrator.set_password',
        'session.sign_in',
        'session.sign_in_failed',
        'administrator.mfa_on',
        'administrator.mfa_off',
      ]),
    )
    expect(actions.filter((a: string) => a === 'apikey.new_secret')).toHaveLength(2)
    expect(actions.filter((a: string) => a === 'administrator.set_password')).toHaveLength(2)
  })

  it('holds none of their values in any stored audit row', async () => {
    const text = await auditText(h)
    expect(values.filter((value) => text.includes(value))).toEqual([])
    expect(redactSecrets(text)).toBe(text)
  })

  it('returns none of them through the audit API', async () => {
    const list = await h.get('/api/auditevents', { secret: h.keys.fullAccess.secret })
    const search = await h.post('/api/auditevents/search', { secret: h.keys.fullAccess.secret, body: {} })
    for (const res of [list, search]) {
      expectStatus(res, 200)
      expect(values.filter((value) => res.text.includes(value))).toEqual([])
    }
  })

  it('wrote none of them to the logs', async () => {
    const logs = h.logs.join('\n')
    expect(h.logs.length).toBeGreaterThan(10)
    expect(values.filter((value) => logs.includes(value))).toEqual([])
  })
})
