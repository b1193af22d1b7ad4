import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSecret } from '../../src/auth/secret-format.js'
import { withAudit, type AuditRow } from '../helpers/audit-log.js'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { totpCode } from '../helpers/totp-code.js'
import { expectStatus, Harness, type RequestOptions, type TestAdministrator, type TestKey, type TestResponse, type TestSession } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/** Every request of this file comes through a trusted proxy from this client address. */
const ADDRESS = '203.0.113.5'

type Expected = Omit<AuditRow, 'ID' | 'time'>

describe(`${testEngine()}: audit log entries (who, what, which fields, when, from where)`, () => {
  let h: Harness
  let key: TestKey
  let admin: TestAdministrator
  let session: TestSession

  beforeAll(async () => {
    // Automatic key lock-out is opt-in; on here, to audit it.
    h = await Harness.start({ trustProxy: '127.0.0.1', keyLockout: true })
    key = await h.key({ name: 'auditing-key' })
    admin = await quickAdministrator(h, { role: 1, username: 'auditing-admin' })
    session = await h.signIn(admin.username, QUICK_PASSWORD)
  })
  afterAll(() => h.close())

  const as = (credentials: RequestOptions): RequestOptions => ({ ...credentials, headers: { ...credentials.headers, 'x-forwarded-for': ADDRESS } })
  const byKey = () => as({ secret: key.secret })
  const bySession = () => as({ session })
  const keyActor = () => ({ actorType: 'apikey', actorID: key.id, actorName: 'auditing-key', address: ADDRESS })
  const adminActor = () => ({ actorType: 'administrator', actorID: admin.id, actorName: 'auditing-admin', address: ADDRESS })

  /** Runs one request and checks it wrote exactly these entries, timed by the clock. */
  async function expectEntries(send: () => Promise<TestResponse>, status: number, expected: Expected[]): Promise<TestResponse> {
    const before = h.clock()
    const { result, entries } = await withAudit(h, send)
    expectStatus(result, status)
    expect(entries).toEqual(expected.map((entry) => ({ ...entry, ID: expect.any(Number), time: expect.any(Number) })))
    for (const entry of entries) {
      expect(entry.time).toBeGreaterThanOrEqual(before)
      expect(entry.time).toBeLessThanOrEqual(h.clock())
    }
    return result
  }

  describe('API keys', () => {
    let id: number
    it('create', async () => {
      const res = await expectEntries(() => h.post('/api/apikeys', { ...byKey(), body: { keyName: 'audited', roleID: 2, description: 'first' } }), 200, [
        {
          ...keyActor(),
          action: 'apikey.create',
          resourceType: 'apikey',
          resourceID: expect.any(Number) as unknown as number,
          resourceName: 'audited',
          changes: {
            keyName: { to: 'audited' },
            description: { to: 'first' },
            locale: { to: 'en-US' },
            roleID: { to: 2 },
            timeZone: { to: 'UTC' },
            active: { to: true },
            rateLimits: { to: [{ name: 'default', limit: 500, duration: 60_000 }] },
          },
        },
      ])
      id = res.body.ID
    })

    it('modify, lock, unlock', async () => {
      await expectEntries(() => h.post(`/api/apikeys/${id}`, { ...bySession(), body: { description: 'second', timeZone: 'Asia/Tokyo' } }), 200, [
        {
          ...adminActor(),
          action: 'apikey.modify',
          resourceType: 'apikey',
          resourceID: id,
          resourceName: 'audited',
          changes: { description: { from: 'first', to: 'second' }, timeZone: { from: 'UTC', to: 'Asia/Tokyo' } },
        },
      ])
      await expectEntries(() => h.post(`/api/apikeys/${id}`, { ...byKey(), body: { active: false } }), 200, [
        {
          ...keyActor(),
          action: 'apikey.lock',
          resourceType: 'apikey',
          resourceID: id,
          resourceName: 'audited',
          changes: { active: { from: true, to: false }, unlockTime: { to: null } },
        },
      ])
      await expectEntries(() => h.post(`/api/apikeys/${id}`, { ...byKey(), body: { active: true } }), 200, [
        {
          ...keyActor(),
          action: 'apikey.unlock',
          resourceType: 'apikey',
          resourceID: id,
          resourceName: 'audited',
          changes: { active: { from: false, to: true }, unlockTime: { to: null } },
        },
      ])
    })

    it('new secret (by ID and for the key itself), recorded without its value', async () => {
      const res = await expectEntries(() => h.post(`/api/apikeys/${id}/secretkey`, bySession()), 200, [
        { ...adminActor(), action: 'apikey.new_secret', resourceType: 'apikey', resourceID: id, resourceName: 'audited', changes: { secretKey: {} } },
      ])
      const own = await expectEntries(() => h.post('/api/apikeys/current/secretkey', as({ secret: res.body.secretKey })), 200, [
        {
          actorType: 'apikey',
          actorID: id,
          actorName: 'audited',
          address: ADDRESS,
          action: 'apikey.new_secret',
          resourceType: 'apikey',
          resourceID: id,
          resourceName: 'audited',
          changes: { secretKey: {} },
        },
      ])
      expect(own.body.secretKey).toMatch(/^kw_/)
    })

    it('automatic lock-out after failed authentications, by an anonymous client from its address', async () => {
      const victim = await h.key({ name: 'auto-locked-key' })
      for (let i = 0; i < 4; i++) expectStatus(await h.get('/api/apikeys/current', as({ secret: createSecret(victim.id) })), 401)
      await h.app.context.failures.settled()
      const { entries } = await withAudit(h, async () => {
        const res = await h.get('/api/apikeys/current', as({ secret: createSecret(victim.id) }))
        await h.app.context.failures.settled()
        return res
      })
      const row = await h.row(victim.id)
      expect(entries).toEqual([
        {
          ID: expect.any(Number),
          time: expect.any(Number),
          actorType: 'anonymous',
          actorID: undefined,
          actorName: ADDRESS,
          address: ADDRESS,
          action: 'apikey.auto_lock',
          resourceType: 'apikey',
          resourceID: victim.id,
          resourceName: 'auto-locked-key',
          changes: { active: { from: true, to: false }, unlockTime: { to: Number(row!.unlock_time) }, unsuccessfulSignInAttempts: { to: 5 } },
        },
      ])
    })

    it('delete', async () => {
      await expectEntries(() => h.delete(`/api/apikeys/${id}`, bySession()), 200, [
        { ...adminActor(), action: 'apikey.delete', resourceType: 'apikey', resourceID: id, resourceName: 'audited', changes: {} },
      ])
    })
  })

  describe('roles', () => {
    let id: number
    it('create, modify, delete', async () => {
      const res = await expectEntries(
        () => h.post('/api/roles', { ...bySession(), body: { name: 'Audited Role', rights: { platformRights: { apikeyRights: { canViewApiKeys: true } } } } }),
        200,
        [
          {
            ...adminActor(),
            action: 'role.create',
            resourceType: 'role',
            resourceID: expect.any(Number) as unknown as number,
            resourceName: 'Audited Role',
            changes: {
              name: { to: 'Audited Role' },
              description: { to: '' },
              canOnlyManipulateUsersWithEqualOrLesserRights: { to: true },
              allowUserInterface: { to: true },
              allowWebService: { to: false },
              rights: { to: ['apikeyRights.canViewApiKeys'] },
            },
          },
        ],
      )
      id = res.body.ID
      await expectEntries(
        () =>
          h.post(`/api/roles/${id}`, {
            ...byKey(),
            body: { name: 'Renamed Role', rights: { platformRights: { auditEventRights: { canViewAuditEvents: true } } } },
          }),
        200,
        [
          {
            ...keyActor(),
            action: 'role.modify',
            resourceType: 'role',
            resourceID: id,
            resourceName: 'Renamed Role',
            changes: {
              name: { from: 'Audited Role', to: 'Renamed Role' },
              rights: { from: ['apikeyRights.canViewApiKeys'], to: ['apikeyRights.canViewApiKeys', 'auditEventRights.canViewAuditEvents'] },
            },
          },
        ],
      )
      await expectEntries(() => h.delete(`/api/roles/${id}`, byKey()), 200, [
        { ...keyActor(), action: 'role.delete', resourceType: 'role', resourceID: id, resourceName: 'Renamed Role', changes: {} },
      ])
    })
  })

  describe('administrators', () => {
    let id: number
    it('create, recording that a password was set but not the password', async () => {
      const res = await expectEntries(
        () => h.post('/api/administrators', { ...bySession(), body: { username: 'audited-admin', password: 'Audited-passw0rd', roleID: 2 } }),
        200,
        [
          {
            ...adminActor(),
            action: 'administrator.create',
            resourceType: 'administrator',
            resourceID: expect.any(Number) as unknown as number,
            resourceName: 'audited-admin',
            changes: {
              username: { to: 'audited-admin' },
              fullName: { to: '' },
              description: { to: '' },
              roleID: { to: 2 },
              locale: { to: 'en-US' },
              timeZone: { to: 'UTC' },
              timeFormat: { to: '24' },
              emailAddress: { to: '' },
              active: { to: true },
              passwordNeverExpires: { to: false },
              password: {},
            },
          },
        ],
      )
      id = res.body.ID
    })

    it('modify, set password, lock, unlock', async () => {
      const target = () => ({ resourceType: 'administrator', resourceID: id, resourceName: 'audited-admin' })
      await expectEntries(() => h.post(`/api/administrators/${id}`, { ...byKey(), body: { fullName: 'Audited Admin', roleID: 1 } }), 200, [
        { ...keyActor(), ...target(), action: 'administrator.modify', changes: { fullName: { from: '', to: 'Audited Admin' }, roleID: { from: 2, to: 1 } } },
      ])
      await expectEntries(() => h.post(`/api/administrators/${id}`, { ...byKey(), body: { password: 'Changed-passw0rd' } }), 200, [
        { ...keyActor(), ...target(), action: 'administrator.set_password', changes: { password: {} } },
      ])
      await expectEntries(() => h.post(`/api/administrators/${id}`, { ...bySession(), body: { active: false } }), 200, [
        { ...adminActor(), ...target(), action: 'administrator.lock', changes: { active: { from: true, to: false }, unlockTime: { to: null } } },
      ])
      await expectEntries(() => h.post(`/api/administrators/${id}`, { ...bySession(), body: { active: true } }), 200, [
        { ...adminActor(), ...target(), action: 'administrator.unlock', changes: { active: { from: false, to: true }, unlockTime: { to: null } } },
      ])
    })

    it('a password change together with other fields is a modify that names the password, without its value', async () => {
      await expectEntries(() => h.post(`/api/administrators/${id}`, { ...byKey(), body: { password: 'Another-passw0rd', description: 'rotated' } }), 200, [
        {
          ...keyActor(),
          action: 'administrator.modify',
          resourceType: 'administrator',
          resourceID: id,
          resourceName: 'audited-admin',
          changes: { description: { from: '', to: 'rotated' }, password: {} },
        },
      ])
    })

    it('failed sign-ins, each audited; the lock-out they cause is of this address only, so the account is not locked', async () => {
      const failure = {
        actorType: 'anonymous',
        actorID: undefined,
        actorName: 'audited-admin',
        address: ADDRESS,
        action: 'session.sign_in_failed',
        resourceType: 'session',
        resourceID: id,
        resourceName: 'audited-admin',
      }
      for (let i = 0; i < 5; i++) {
        await expectEntries(() => h.post('/api/session', as({ body: { username: 'audited-admin', password: `Wrong-${i}-passw0rd` } })), 401, [
          { ...failure, changes: { reason: { to: 'wrong_password' } } },
        ])
      }
      const { result, entries } = await withAudit(h, () => h.post('/api/session', as({ body: { username: 'audited-admin', password: 'Wrong-passw0rd' } })))
      expect(result.body.code).toBe('auth.administrator_locked')
      expect(entries).toEqual([{ ...failure, changes: { reason: { to: 'locked_out' } }, ID: expect.any(Number), time: expect.any(Number) }])
      expect(await h.db.selectFrom('administrators').select(['active', 'unlock_time']).where('id', '=', id).executeTakeFirst()).toEqual({
        active: 1,
        unlock_time: null,
      })
    })

    it('delete', async () => {
      await expectEntries(() => h.delete(`/api/administrators/${id}`, byKey()), 200, [
        { ...keyActor(), action: 'administrator.delete', resourceType: 'administrator', resourceID: id, resourceName: 'audited-admin', changes: {} },
      ])
    })

    it('second factor on and off', async () => {
      const enrolment = await h.post('/api/administrators/current/mfa/enrolment', bySession())
      expectStatus(enrolment, 200)
      const code = await totpCode(h, enrolment.body.secret)
      const self = { ...adminActor(), resourceType: 'administrator', resourceID: admin.id, resourceName: 'auditing-admin' }
      await expectEntries(() => h.post('/api/administrators/current/mfa/activation', { ...bySession(), body: { code, password: QUICK_PASSWORD } }), 200, [
        { ...self, action: 'administrator.mfa_on', changes: { mfaType: { from: 'none', to: 'local-totp' } } },
      ])
      const offCode = await totpCode(h, enrolment.body.secret)
      await expectEntries(
        () => h.post('/api/administrators/current/mfa/deactivation', { ...bySession(), body: { password: QUICK_PASSWORD, code: offCode } }),
        200,
        [{ ...self, action: 'administrator.mfa_off', changes: { mfaType: { from: 'local-totp', to: 'none' } } }],
      )
    })
  })

  describe('sessions', () => {
    it('sign-in, failed sign-in with its reason (known and unknown username: what was typed is kept only if it names an administrator), sign-out', async () => {
      const user = await quickAdministrator(h, { role: 2, username: 'session-user' })
      const signIn = await expectEntries(() => h.post('/api/session', as({ body: { username: 'session-user', password: QUICK_PASSWORD } })), 200, [
        {
          actorType: 'administrator',
          actorID: user.id,
          actorName: 'session-user',
          address: ADDRESS,
          action: 'session.sign_in',
          resourceType: 'session',
          resourceID: user.id,
          resourceName: 'session-user',
          changes: {},
        },
      ])
      await expectEntries(() => h.post('/api/session', as({ body: { username: 'session-user', password: 'Wrong-passw0rd' } })), 401, [
        {
          actorType: 'anonymous',
          actorID: undefined,
          actorName: 'session-user',
          address: ADDRESS,
          action: 'session.sign_in_failed',
          resourceType: 'session',
          resourceID: user.id,
          resourceName: 'session-user',
          changes: { reason: { to: 'wrong_password' } },
        },
      ])
      await expectEntries(() => h.post('/api/session', as({ body: { username: 'nobody-at-all', password: 'Wrong-passw0rd' } })), 401, [
        {
          actorType: 'anonymous',
          actorID: undefined,
          actorName: '(unknown username)',
          address: ADDRESS,
          action: 'session.sign_in_failed',
          resourceType: 'session',
          resourceID: undefined,
          resourceName: '(unknown username)',
          changes: { reason: { to: 'unknown_username' } },
        },
      ])
      const cookie = /^(keyward_session=[^;]+)/.exec(String(signIn.headers['set-cookie']))![1]!
      await expectEntries(() => h.delete('/api/session', as({ session: { cookie, csrfToken: signIn.body.csrfToken, body: signIn.body } })), 200, [
        {
          actorType: 'administrator',
          actorID: user.id,
          actorName: 'session-user',
          address: ADDRESS,
          action: 'session.sign_out',
          resourceType: 'session',
          resourceID: user.id,
          resourceName: 'session-user',
          changes: {},
        },
      ])
    })

    it('a wrong second-factor code is a failed sign-in', async () => {
      const user = await quickAdministrator(h, { role: 2, username: 'mfa-user' })
      const own = await h.signIn(user.username, QUICK_PASSWORD)
      const enrolment = await h.post('/api/administrators/current/mfa/enrolment', { session: own })
      expectStatus(
        await h.post('/api/administrators/current/mfa/activation', {
          session: own,
          body: { code: await totpCode(h, enrolment.body.secret), password: QUICK_PASSWORD },
        }),
        200,
      )
      await expectEntries(() => h.post('/api/session', as({ body: { username: 'mfa-user', password: QUICK_PASSWORD, mfaCode: 'zzzz-zzzz-zzzz' } })), 401, [
        {
          actorType: 'anonymous',
          actorID: undefined,
          actorName: 'mfa-user',
          address: ADDRESS,
          action: 'session.sign_in_failed',
          resourceType: 'session',
          resourceID: user.id,
          resourceName: 'mfa-user',
          changes: { reason: { to: 'wrong_code' } },
        },
      ])
    })

    it('a sign-in refused because the administrator is locked out is a failed sign-in', async () => {
      const user = await quickAdministrator(h, { role: 2, username: 'locked-user', active: false })
      await expectEntries(() => h.post('/api/session', as({ body: { username: 'locked-user', password: QUICK_PASSWORD } })), 401, [
        {
          actorType: 'anonymous',
          actorID: undefined,
          actorName: 'locked-user',
          address: ADDRESS,
          action: 'session.sign_in_failed',
          resourceType: 'session',
          resourceID: user.id,
          resourceName: 'locked-user',
          changes: { reason: { to: 'locked_manually' } },
        },
      ])
    })

    it('a sign-in refused because the role does not allow the console is a failed sign-in', async () => {
      const role = await h.role({ allowUserInterface: false })
      const user = await quickAdministrator(h, { role: role.id, username: 'no-console-user' })
      await expectEntries(() => h.post('/api/session', as({ body: { username: 'no-console-user', password: QUICK_PASSWORD } })), 403, [
        {
          actorType: 'anonymous',
          actorID: undefined,
          actorName: 'no-console-user',
          address: ADDRESS,
          action: 'session.sign_in_failed',
          resourceType: 'session',
          resourceID: user.id,
          resourceName: 'no-console-user',
          changes: { reason: { to: 'console_denied' } },
        },
      ])
    })
  })

  it('records nothing for reads and for refused requests', async () => {
    for (const send of [
      () => h.get('/api/apikeys', byKey()),
      () => h.post('/api/roles/search', { ...bySession(), body: {} }),
      () => h.get('/api/auditevents', byKey()),
    ])
      await expectEntries(send, 200, [])
    await expectEntries(() => h.post('/api/roles', { ...as({ secret: h.keys.auditor.secret }), body: { name: 'refused' } }), 403, [])
    await expectEntries(() => h.post('/api/roles', { ...bySession(), csrf: false, body: { name: 'refused' } }), 403, [])
  })
})

describe(`${testEngine()}: one automatic lock-out, one audit entry`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start({ keyLockout: true })
  })
  afterAll(() => h.close())

  it('failures after the lock-out in the same millisecond do not lock it again', async () => {
    const victim = await h.key({ name: 'locked-once' })
    h.clock.freeze()
    const { entries } = await withAudit(h, async () => {
      for (let i = 0; i < 8; i++) expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(victim.id) }), 401)
      await h.app.context.failures.settled()
    })
    expect(entries.map((entry) => entry.action)).toEqual(['apikey.auto_lock'])
    expect((await h.row(victim.id))?.unsuccessful_sign_in_attempts).toBe(8)
  })
})
