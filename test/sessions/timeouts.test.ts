import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditSince, lastAuditId } from '../helpers/audit-log.js'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { sessionCount } from '../helpers/stored-rows.js'
import { expectStatus, Harness, type TestSession } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

const MINUTE = 60_000

describe(`${testEngine()}: session idle timeout and maximum duration`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
    // Stopped, so that a loaded machine's real seconds cannot push a session over its deadline.
    h.clock.freeze()
  })
  afterAll(() => h.close())

  const newSession = async () => {
    const admin = await quickAdministrator(h)
    return { admin, session: await h.signIn(admin.username, QUICK_PASSWORD) }
  }
  const expectEnded = async (session: TestSession) => {
    const res = await h.get('/api/session', { session })
    expectStatus(res, 401)
    expect(res.body).toEqual({ code: 'auth.session_expired', message: 'Your session has ended. Sign in again.' })
  }

  it('ends a session after 30 minutes without a request (the default), and deletes it', async () => {
    const { admin, session } = await newSession()
    h.clock.advance(30 * MINUTE - 1000)
    expectStatus(await h.get('/api/session', { session }), 200)
    h.clock.advance(30 * MINUTE)
    await expectEnded(session)
    expect(await sessionCount(h, admin.id)).toBe(0)
  })

  it('keeps a session alive while it is used, each request moving the idle deadline', async () => {
    const { session } = await newSession()
    for (let i = 0; i < 4; i++) {
      h.clock.advance(25 * MINUTE)
      const res = await h.get('/api/administrators/current', { session })
      expectStatus(res, 200)
    }
    const described = await h.get('/api/session', { session })
    expectStatus(described, 200)
    expect(described.body.expires).toBeGreaterThanOrEqual(h.clock() + 30 * MINUTE - 1000)
    h.clock.advance(30 * MINUTE + 1000)
    await expectEnded(session)
  })

  it('ends a session 12 hours after sign-in (the default) however busy it is', async () => {
    const { session } = await newSession()
    for (let elapsed = 25 * MINUTE; elapsed < 12 * 60 * MINUTE; elapsed += 25 * MINUTE) {
      h.clock.advance(25 * MINUTE)
      expectStatus(await h.get('/api/session', { session }), 200)
    }
    // 700 minutes in; the next request, 20 minutes later, is past the maximum.
    const described = await h.get('/api/session', { session })
    expect(described.body.expires).toBe(session.body.administrator.lastSignIn + 12 * 60 * MINUTE)
    h.clock.advance(20 * MINUTE)
    await expectEnded(session)
  })

  it('refuses a write with an ended session (401) and changes nothing', async () => {
    const { session } = await newSession()
    h.clock.advance(31 * MINUTE)
    const before = await h.snapshot()
    const mark = await lastAuditId(h)
    const res = await h.post('/api/roles', { session, body: { name: 'too-late' } })
    expectStatus(res, 401)
    expect(res.body.code).toBe('auth.session_expired')
    // Nothing changes but the ended session's row, which the refusal clears away.
    const after = await h.snapshot()
    expect({ ...after, sessions: undefined }).toEqual({ ...before, sessions: undefined })
    expect(before.sessions.length - after.sessions.length).toBe(1)
    expect(before.sessions).toEqual(expect.arrayContaining(after.sessions))
    expect(await auditSince(h, mark)).toEqual([])
  })

  it('follows configured timeouts, and the sweep deletes only ended sessions', async () => {
    const short = await Harness.start({ sessionIdleTimeoutMs: 5 * MINUTE, sessionMaxDurationMs: 20 * MINUTE })
    try {
      const admin = await quickAdministrator(short)
      const idle = await short.signIn(admin.username, QUICK_PASSWORD)
      const signedIn = await short.post('/api/session', { body: { username: admin.username, password: QUICK_PASSWORD } })
      expectStatus(signedIn, 200)
      // The cookie lives as long as the configured maximum, in seconds.
      const setCookie = String(signedIn.headers['set-cookie'])
      expect(setCookie).toContain('Max-Age=1200;')
      const busy: TestSession = { cookie: /^(keyward_session=[^;]+)/.exec(setCookie)![1]!, csrfToken: signedIn.body.csrfToken, body: signedIn.body }
      expect(busy.body).toMatchObject({ idleTimeout: 5 * MINUTE, expires: busy.body.administrator.lastSignIn + 5 * MINUTE })
      short.clock.advance(4 * MINUTE)
      expectStatus(await short.get('/api/session', { session: busy }), 200)
      short.clock.advance(2 * MINUTE)
      await short.app.context.services.sessions.deleteExpired()
      const left = await short.db.selectFrom('sessions').select('csrf_token').execute()
      expect(left.map((row) => row.csrf_token)).toEqual([busy.csrfToken])
      expectStatus(await short.get('/api/session', { session: busy }), 200)
      expectStatus(await short.get('/api/session', { session: idle }), 401)
      for (let i = 0; i < 3; i++) {
        short.clock.advance(4 * MINUTE)
        expectStatus(await short.get('/api/session', { session: busy }), 200)
      }
      short.clock.advance(3 * MINUTE)
      expect((await short.get('/api/session', { session: busy })).body.code).toBe('auth.session_expired')
    } finally {
      await short.close()
    }
  })
})
