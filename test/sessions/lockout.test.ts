import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditSince, lastAuditId, withAudit } from '../helpers/audit-log.js'
import { runCliInProcess } from '../helpers/cli.js'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { administratorRow, sessionCount } from '../helpers/stored-rows.js'
import { expectStatus, HARNESS_ADMIN_PASSWORD, Harness, type TestAdministrator } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

const THIRTY_MINUTES = 30 * 60_000
const LOCKED =
  'Locked Out (Denied permission to sign in) after too many failed sign-ins from this address. Try again later or ask an administrator to unlock the account.'

/**
 * Failed sign-ins lock a username out from the address they came from (see
 * test/security/lockout-weapon.test.ts for why not the account).
 */
describe(`${testEngine()}: administrator lock-out after failed sign-ins (per username and address)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const attempt = (username: string, password: string) => h.post('/api/session', { body: { username, password } })
  const fail = async (admin: { username: string }, times: number) => {
    for (let i = 0; i < times; i++) {
      const res = await attempt(admin.username, `Wrong-${i}-passw0rd`)
      expectStatus(res, 401)
      expect(res.body.code).toBe('auth.sign_in_failed')
    }
  }
  const expectLocked = async (admin: { username: string; password: string }) => {
    const res = await attempt(admin.username, admin.password)
    expectStatus(res, 401)
    expect(res.body).toEqual({ code: 'auth.administrator_locked', message: LOCKED })
    expect(res.headers['set-cookie']).toBeUndefined()
  }

  it('locks the username out from this address after 5 wrong passwords for the lock-out duration; sessions stay; every failure audited', async () => {
    const admin = await quickAdministrator(h, { username: 'five-strikes' })
    const session = await h.signIn(admin.username, QUICK_PASSWORD)
    const { entries } = await withAudit(h, () => fail(admin, 5))
    expect(entries).toHaveLength(5)
    expect(entries[4]).toMatchObject({
      action: 'session.sign_in_failed',
      actorType: 'anonymous',
      actorName: 'five-strikes',
      resourceType: 'session',
      resourceID: admin.id,
      address: '127.0.0.1',
    })
    expect(await administratorRow(h, admin.id)).toMatchObject({ active: 1, unsuccessful_sign_in_attempts: 5, unlock_time: null })
    expect(await sessionCount(h, admin.id)).toBe(1)
    expectStatus(await h.get('/api/session', { session }), 200)

    await expectLocked(admin)
    // A wrong password while locked out gets the very same answer.
    const wrong = await attempt(admin.username, 'Still-wrong-passw0rd')
    expect(wrong.body.code).toBe('auth.administrator_locked')

    h.clock.advance(THIRTY_MINUTES - 60_000)
    await expectLocked(admin)
    h.clock.advance(61_000)
    const signedIn = await h.signIn(admin.username, QUICK_PASSWORD)
    expect(signedIn.body.administrator).toMatchObject({ active: true, unsuccessfulSignInAttempts: 0 })
  })

  it('locks out even the last Full Access administrator from that address; the CLI unlocks it (audited as the CLI)', async () => {
    const admin = { id: 1, username: 'admin', password: HARNESS_ADMIN_PASSWORD }
    await fail(admin, 5)
    await expectLocked(admin)
    const mark = await lastAuditId(h)
    const result = await runCliInProcess(['administrators', 'unlock', 'admin', '--database-url', h.database.url])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('Unlocked administrator "admin".')
    expect(await administratorRow(h, 1)).toMatchObject({ active: 1, unlock_time: null, unsuccessful_sign_in_attempts: 0 })
    expect(await auditSince(h, mark)).toEqual([
      {
        ID: expect.any(Number),
        time: expect.any(Number),
        actorType: 'system',
        actorID: undefined,
        actorName: 'cli',
        action: 'administrator.unlock',
        resourceType: 'administrator',
        resourceID: 1,
        resourceName: 'admin',
        changes: {},
        address: undefined,
      },
    ])
    await h.signInAsAdmin()
  }, 120_000)

  /**
   * The rest counts failures with a threshold of 2 and a one-minute lock-out (settings), so
   * each case costs a few scrypt checks instead of a dozen.
   */
  describe('with a configured threshold (2) and duration (1 minute)', () => {
    let s: Harness
    beforeAll(async () => {
      s = await Harness.start({ lockoutThreshold: 2, lockoutDurationMs: 60_000 })
    })
    afterAll(() => s.close())

    const failOn = async (admin: { username: string }, times: number) => {
      for (let i = 0; i < times; i++) {
        const res = await s.post('/api/session', { body: { username: admin.username, password: `Wrong-${i}-passw0rd` } })
        expectStatus(res, 401)
        expect(res.body.code).toBe('auth.sign_in_failed')
      }
    }
    const expectLockedOn = async (admin: TestAdministrator) => {
      const res = await s.post('/api/session', { body: { username: admin.username, password: admin.password } })
      expectStatus(res, 401)
      expect(res.body).toEqual({ code: 'auth.administrator_locked', message: LOCKED })
    }

    it('locks after 2 failures for 1 minute', async () => {
      const admin = await quickAdministrator(s)
      await failOn(admin, 2)
      await expectLockedOn(admin)
      s.clock.advance(55_000)
      await expectLockedOn(admin)
      s.clock.advance(6_000)
      await s.signIn(admin.username, QUICK_PASSWORD)
    })

    it('locks out again after more wrong passwords once a lock-out has run out', async () => {
      const admin = await quickAdministrator(s, { username: 'second-round' })
      await failOn(admin, 2)
      s.clock.advance(61_000)
      await failOn(admin, 2)
      await expectLockedOn(admin)
    })

    it('resets the count on a successful sign-in', async () => {
      const admin = await quickAdministrator(s)
      await failOn(admin, 1)
      await s.signIn(admin.username, QUICK_PASSWORD)
      await failOn(admin, 1)
      expect(await administratorRow(s, admin.id)).toMatchObject({ active: 1, unsuccessful_sign_in_attempts: 1 })
      await s.signIn(admin.username, QUICK_PASSWORD)
    })

    it("counts unknown usernames against themselves only, and one administrator's failures not against another", async () => {
      const admin = await quickAdministrator(s, { username: 'bystander' })
      const other = await quickAdministrator(s)
      await failOn({ username: 'bystander2' }, 2)
      await failOn(other, 2)
      expect(await administratorRow(s, admin.id)).toMatchObject({ active: 1, unsuccessful_sign_in_attempts: 0 })
      await s.signIn(admin.username, QUICK_PASSWORD)
    })

    it('is unlocked at once by someone with canEditAdministratorProperties (active: true), which clears the count', async () => {
      const admin = await quickAdministrator(s)
      await failOn(admin, 2)
      const unlocker = await s.key({ role: (await s.role({ rights: ['administratorRights.canEditAdministratorProperties'] })).id })
      const { result: res, entries } = await withAudit(s, () => s.post(`/api/administrators/${admin.id}`, { secret: unlocker.secret, body: { active: true } }))
      expectStatus(res, 200)
      expect(res.body).toMatchObject({ active: true, unsuccessfulSignInAttempts: 0 })
      expect(entries).toMatchObject([{ action: 'administrator.unlock', actorType: 'apikey', actorID: unlocker.id, resourceID: admin.id }])
      await s.signIn(admin.username, QUICK_PASSWORD)
    })

    it('is unlocked from the console by another administrator', async () => {
      const admin = await quickAdministrator(s)
      const session = await s.signInAsAdmin()
      await failOn(admin, 2)
      expectStatus(await s.post(`/api/administrators/${admin.id}`, { session, body: { active: true } }), 200)
      await s.signIn(admin.username, QUICK_PASSWORD)
    })

    it('cannot be unlocked by someone without canEditAdministratorProperties (403, stays locked)', async () => {
      const admin = await quickAdministrator(s)
      await failOn(admin, 2)
      const viewer = await s.key({
        role: (
          await s.role({
            rights: [
              'administratorRights.canViewAdministrators',
              'administratorRights.canCreateNewAdministrators',
              'administratorRights.canDeleteAdministrators',
            ],
          })
        ).id,
      })
      await expectRefusal(
        s,
        () => s.post(`/api/administrators/${admin.id}`, { secret: viewer.secret, body: { active: true } }),
        403,
        'administrator.modify_denied',
      )
      await expectRefusal(
        s,
        () => s.post(`/api/administrators/${admin.id}`, { secret: s.keys.auditor.secret, body: { active: true } }),
        403,
        'administrator.modify_denied',
      )
      await expectLockedOn(admin)
    })
  })
})
