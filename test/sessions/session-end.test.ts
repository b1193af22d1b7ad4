import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { sessionCount } from '../helpers/stored-rows.js'
import { expectStatus, Harness, type TestSession } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: a session ends when its administrator changes`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const signedIn = async (role = 1) => {
    const admin = await quickAdministrator(h, { role })
    return { admin, session: await h.signIn(admin.username, QUICK_PASSWORD) }
  }
  const expectEnded = async (session: TestSession) => {
    const res = await h.get('/api/administrators/current', { session })
    expectStatus(res, 401)
    expect(res.body.code).toBe('auth.session_expired')
  }

  it('when it is locked out', async () => {
    const { admin, session } = await signedIn()
    expectStatus(await h.post(`/api/administrators/${admin.id}`, { secret: h.keys.fullAccess.secret, body: { active: false } }), 200)
    await expectEnded(session)
    expect(await sessionCount(h, admin.id)).toBe(0)
  })

  it('when it is deleted', async () => {
    const { admin, session } = await signedIn()
    expectStatus(await h.delete(`/api/administrators/${admin.id}`, { secret: h.keys.fullAccess.secret }), 200)
    await expectEnded(session)
  })

  it('when another administrator sets its password', async () => {
    const { admin, session } = await signedIn()
    expectStatus(await h.post(`/api/administrators/${admin.id}`, { secret: h.keys.fullAccess.secret, body: { password: 'Reset-by-other-1' } }), 200)
    await expectEnded(session)
    expect(await sessionCount(h, admin.id)).toBe(0)
  })

  it('not when other properties change: a profile edit keeps it', async () => {
    const { admin, session } = await signedIn()
    expectStatus(await h.post(`/api/administrators/${admin.id}`, { secret: h.keys.fullAccess.secret, body: { fullName: 'Still Here' } }), 200)
    const res = await h.get('/api/administrators/current', { session })
    expectStatus(res, 200)
    expect(res.body.fullName).toBe('Still Here')
  })

  it('when its role stops allowing the console (403 on every request)', async () => {
    const role = await h.role({ rights: ['apikeyRights.canViewApiKeys'] })
    const { session } = await signedIn(role.id)
    expectStatus(await h.post(`/api/roles/${role.id}`, { secret: h.keys.fullAccess.secret, body: { allowUserInterface: false } }), 200)
    const res = await h.get('/api/apikeys', { session })
    expectStatus(res, 403)
    expect(res.body.code).toBe('auth.user_interface_denied')
  })

  it('loses rights at once when demoted', async () => {
    const { admin, session } = await signedIn(1)
    expectStatus(await h.post('/api/roles', { session, body: { name: 'before-demotion' } }), 200)
    expectStatus(await h.post(`/api/administrators/${admin.id}`, { secret: h.keys.fullAccess.secret, body: { roleID: 2 } }), 200)
    const res = await h.post('/api/roles', { session, body: { name: 'after-demotion' } })
    expectStatus(res, 403)
    expect(res.body.code).toBe('role.create_denied')
  })

  it('when it is locked out through another process sharing the database', async () => {
    const other = await h.otherProcess()
    const { admin, session } = await signedIn()
    const res = await other.fastify.inject({
      method: 'POST',
      url: `/api/administrators/${admin.id}`,
      headers: { 'api-version': 'v1', 'api-secret-key': h.keys.fullAccess.secret, 'content-type': 'application/json' },
      payload: JSON.stringify({ active: false }),
    })
    expect(res.statusCode, res.body).toBe(200)
    await expectEnded(session)
  })
})
