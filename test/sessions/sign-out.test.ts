import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withAudit } from '../helpers/audit-log.js'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { sessionCount } from '../helpers/stored-rows.js'
import { expectStatus, Harness, type TestAdministrator } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: sign-out`, () => {
  let h: Harness
  let admin: TestAdministrator
  beforeAll(async () => {
    h = await Harness.start()
    admin = await quickAdministrator(h, { role: 2, username: 'leaves-soon' })
  })
  afterAll(() => h.close())

  it('ends the session: 200 with no body, the cookie cleared, the row gone, audited; other sessions stay', async () => {
    const session = await h.signIn(admin.username, QUICK_PASSWORD)
    const other = await h.signIn(admin.username, QUICK_PASSWORD)
    const { result: res, entries } = await withAudit(h, () => h.delete('/api/session', { session }))
    expectStatus(res, 200)
    expect(res.text).toBe('')
    const cleared = String(res.headers['set-cookie'])
    expect(cleared).toMatch(/^keyward_session=;/)
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970 00:00:00 GMT|Max-Age=0/)
    expect(cleared).toContain('Path=/')
    expect(await sessionCount(h, admin.id)).toBe(1)
    const after = await h.get('/api/session', { session })
    expectStatus(after, 401)
    expect(after.body.code).toBe('auth.session_expired')
    expectStatus(await h.get('/api/session', { session: other }), 200)
    expect(entries).toEqual([
      {
        ID: expect.any(Number),
        time: expect.any(Number),
        actorType: 'administrator',
        actorID: admin.id,
        actorName: 'leaves-soon',
        action: 'session.sign_out',
        resourceType: 'session',
        resourceID: admin.id,
        resourceName: 'leaves-soon',
        changes: {},
        address: '127.0.0.1',
      },
    ])
  })

  it('refuses to sign out without the CSRF token (403): a forged request cannot end a session', async () => {
    const session = await h.signIn(admin.username, QUICK_PASSWORD)
    await expectRefusal(h, () => h.delete('/api/session', { session, csrf: false }), 403, 'auth.csrf_invalid')
    expectStatus(await h.get('/api/session', { session }), 200)
  })

  it('refuses to sign out an API key (403 administrator.current_needs_session), like GET /session', async () => {
    await expectRefusal(h, () => h.delete('/api/session', { secret: h.keys.fullAccess.secret }), 403, 'administrator.current_needs_session')
  })

  it('refuses to sign out without a session (401), or twice with the same one (401)', async () => {
    await expectRefusal(h, () => h.delete('/api/session'), 401, 'auth.credentials_missing')
    const session = await h.signIn(admin.username, QUICK_PASSWORD)
    expectStatus(await h.delete('/api/session', { session }), 200)
    const again = await h.delete('/api/session', { session })
    expectStatus(again, 401)
    expect(again.body.code).toBe('auth.session_expired')
  })
})
