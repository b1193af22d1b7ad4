import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withAudit } from '../helpers/audit-log.js'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { administratorRow } from '../helpers/stored-rows.js'
import { expectStatus, HARNESS_ADMIN_PASSWORD, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: sign-in (happy)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('writes nothing to the change feed: no process caches administrators', async () => {
    const changes = async () =>
      Number(
        (
          await h.db
            .selectFrom('changes')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n ?? 0,
      )
    const before = await changes()
    expectStatus(await h.post('/api/session', { body: { username: 'admin', password: HARNESS_ADMIN_PASSWORD } }), 200)
    expectStatus(await h.post('/api/administrators/1', { secret: h.keys.fullAccess.secret, body: { fullName: 'Changed' } }), 200)
    expect(await changes()).toBe(before)
  })

  it('signs in: the administrator, its role, a CSRF token and when the session ends; no password', async () => {
    const before = h.clock()
    const { result: res, entries } = await withAudit(h, () => h.post('/api/session', { body: { username: 'admin', password: HARNESS_ADMIN_PASSWORD } }))
    expectStatus(res, 200)
    expect(res.body).toEqual({
      administrator: expect.objectContaining({
        ID: 1,
        username: 'admin',
        roleID: 1,
        active: true,
        unsuccessfulSignInAttempts: 0,
        lastSignIn: expect.any(Number),
      }),
      role: expect.objectContaining({ ID: 1, name: 'Full Access', immutable: true }),
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expires: expect.any(Number),
      idleTimeout: 30 * 60_000,
    })
    expect(res.body.expires - res.body.administrator.lastSignIn).toBe(30 * 60_000)
    expect(res.body.administrator.lastSignIn).toBeGreaterThanOrEqual(before)
    expect(res.text).not.toContain(HARNESS_ADMIN_PASSWORD)
    expect(res.body.administrator).not.toHaveProperty('password')
    expect(entries).toEqual([
      {
        ID: expect.any(Number),
        time: res.body.administrator.lastSignIn,
        actorType: 'administrator',
        actorID: 1,
        actorName: 'admin',
        action: 'session.sign_in',
        resourceType: 'session',
        resourceID: 1,
        resourceName: 'admin',
        changes: {},
        address: '127.0.0.1',
      },
    ])
  })

  it('stores the session under the SHA-256 of its token, with the CSRF token, address and user agent', async () => {
    const res = await h.post('/api/session', { body: { username: 'admin', password: HARNESS_ADMIN_PASSWORD }, headers: { 'user-agent': 'vitest-browser/1.0' } })
    expectStatus(res, 200)
    const token = /keyward_session=([^;]+)/.exec(String(res.headers['set-cookie']))![1]!
    const row = await h.db.selectFrom('sessions').selectAll().where('token_hash', '=', createHash('sha256').update(token).digest('hex')).executeTakeFirst()
    expect(row).toMatchObject({ administrator_id: 1, csrf_token: res.body.csrfToken, address: '127.0.0.1', user_agent: 'vitest-browser/1.0' })
    expect(Number(row!.expires) - Number(row!.created)).toBe(12 * 3600_000)
    const all = await h.db.selectFrom('sessions').selectAll().execute()
    expect(JSON.stringify(all)).not.toContain(token)
  })

  it('describes the session with GET /session, whose end moves with use', async () => {
    const session = await h.signInAsAdmin()
    h.clock.advance(5 * 60_000)
    const res = await h.get('/api/session', { session })
    expectStatus(res, 200)
    expect(res.body).toMatchObject({ administrator: { ID: 1 }, role: { ID: 1 }, csrfToken: session.csrfToken, idleTimeout: 30 * 60_000 })
    expect(res.body.expires).toBeGreaterThan(session.body.expires)
  })

  it("lets a session call the same /api routes as a key, with the administrator's role", async () => {
    const auditor = await quickAdministrator(h, { role: 2 })
    const session = await h.signIn(auditor.username, QUICK_PASSWORD)
    const list = await h.get('/api/apikeys', { session })
    expectStatus(list, 200)
    expect(list.body.apiKeys.map((k: any) => k.keyName)).toContain('harness-full-access')
    expectStatus(await h.get('/api/roles', { session }), 200)
    expectStatus(await h.get('/api/auditevents', { session }), 200)
    const create = await h.post('/api/apikeys', { session, body: { keyName: 'by-auditor', roleID: 2 } })
    expectStatus(create, 403)
    expect(create.body).toEqual({ code: 'apikey.create_denied', message: 'Not authorized to create API keys.' })

    const admin = await h.signInAsAdmin()
    const created = await h.post('/api/apikeys', { session: admin, body: { keyName: 'by-admin', roleID: 2 } })
    expectStatus(created, 200)
    expect(created.body.createdByAdministratorID).toBe(1)
    expect(created.body).not.toHaveProperty('createdByApiKeyID')
    expect((await h.row(created.body.ID))?.created_by_administrator_id).toBe(1)
  })

  it('clears the failure count and records lastSignIn on success', async () => {
    const admin = await quickAdministrator(h)
    for (let i = 0; i < 3; i++) expectStatus(await h.post('/api/session', { body: { username: admin.username, password: `Wrong-${i}-passw0rd` } }), 401)
    expect((await administratorRow(h, admin.id))?.unsuccessful_sign_in_attempts).toBe(3)
    h.clock.advance(1000)
    const session = await h.signIn(admin.username, QUICK_PASSWORD)
    const row = await administratorRow(h, admin.id)
    expect(row?.unsuccessful_sign_in_attempts).toBe(0)
    expect(Number(row?.last_sign_in)).toBe(session.body.administrator.lastSignIn)
  })

  it('allows several sessions of one administrator at once', async () => {
    const a = await h.signInAsAdmin()
    const b = await h.signInAsAdmin()
    expect(a.cookie).not.toBe(b.cookie)
    expect(a.csrfToken).not.toBe(b.csrfToken)
    expectStatus(await h.get('/api/session', { session: a }), 200)
    expectStatus(await h.get('/api/session', { session: b }), 200)
  })
})
