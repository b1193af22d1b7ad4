import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: sign-in (error)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it.each([
    ['no body', undefined, 'request.field_required', 'username'],
    ['no password', { username: 'admin' }, 'request.field_required', 'password'],
    ['an empty username', { username: '', password: 'x' }, 'request.field_too_short', 'username'],
    ['a password that is an array', { username: 'admin', password: [12345678] }, 'request.field_type', 'password'],
    ['an unknown field', { username: 'admin', password: 'x', remember: true }, 'request.field_unknown', 'remember'],
  ])('refuses %s (400), naming the field', async (_what, body, code, field) => {
    const res = await expectRefusal(h, () => h.post('/api/session', { body }), 400, code)
    expect(res.body.message).toContain(`'${field}'`)
  })

  it('refuses without api-version (400), like every /api route', async () => {
    await expectRefusal(h, () => h.post('/api/session', { apiVersion: null, body: { username: 'admin', password: 'x' } }), 400, 'request.api_version_missing')
  })

  it('refuses a wrong password (401 auth.sign_in_failed)', async () => {
    const res = await h.post('/api/session', { body: { username: 'admin', password: 'Wrong-passw0rd' } })
    expectStatus(res, 401)
    expect(res.body).toEqual({ code: 'auth.sign_in_failed', message: 'The username or password is incorrect.' })
  })

  it('refuses an administrator whose role does not allow the console (403), without a session', async () => {
    const role = await h.role({ rights: ['apikeyRights.canViewApiKeys'], allowUserInterface: false })
    const admin = await quickAdministrator(h, { role: role.id })
    const res = await h.post('/api/session', { body: { username: admin.username, password: QUICK_PASSWORD } })
    expectStatus(res, 403)
    expect(res.body).toEqual({ code: 'auth.user_interface_denied', message: 'Your role does not allow signing in to the console.' })
    expect(res.headers['set-cookie']).toBeUndefined()
    const sessions = await h.db.selectFrom('sessions').select('token_hash').where('administrator_id', '=', admin.id).execute()
    expect(sessions).toEqual([])
  })

  it('refuses a session cookie it never issued, or an empty one (401)', async () => {
    await expectRefusal(
      h,
      () => h.get('/api/session', { headers: { cookie: 'keyward_session=not-a-session' } }),
      401,
      'auth.session_expired',
      'Your session has ended. Sign in again.',
    )
    await expectRefusal(h, () => h.get('/api/session', { headers: { cookie: 'keyward_session=' } }), 401, 'auth.credentials_missing')
  })

  it('refuses GET /session to an API key (403 administrator.current_needs_session)', async () => {
    await expectRefusal(h, () => h.get('/api/session', { secret: h.keys.fullAccess.secret }), 403, 'administrator.current_needs_session')
  })
})
