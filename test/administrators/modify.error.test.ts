import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { expectStatus, Harness, type TestAdministrator } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: administrators modify (error)`, () => {
  let h: Harness
  let target: TestAdministrator
  beforeAll(async () => {
    h = await Harness.start()
    target = await quickAdministrator(h, { role: 2, username: 'modify-target' })
  })
  afterAll(() => h.close())

  const modify = (id: number | string, body: unknown) => () => h.post(`/api/administrators/${id}`, { secret: h.keys.fullAccess.secret, body })

  it('answers 404 for an ID nobody has', async () => {
    await expectRefusal(h, modify(424242, { fullName: 'x' }), 404, 'administrator.not_found', 'The administrator does not exist.')
  })

  it.each([
    ['username has a space', { username: 'a b' }, 'request.field_invalid', 'username'],
    ['password is empty', { password: '' }, 'request.field_too_short', 'password'],
    ['active is a string other than true or false', { active: 'no' }, 'request.field_type', 'active'],
    ['roleID is 0', { roleID: 0 }, 'request.field_too_small', 'roleID'],
    ['timeZone is not a zone', { timeZone: 'Nowhere/Land' }, 'request.time_zone_invalid', 'timeZone'],
    ['a field is unknown', { faxNumber: '1' }, 'request.field_unknown', 'faxNumber'],
    ['currentPassword is misspelt (re-authentication fields are checked like any other)', { currentPasword: 'x' }, 'request.field_unknown', 'currentPasword'],
  ])('refuses a body where %s (400)', async (_what, body, code, field) => {
    const res = await expectRefusal(h, modify(target.id, body), 400, code)
    expect(res.body.message).toContain(`'${field}'`)
  })

  it('refuses a password the policy rejects (400), naming the rule', async () => {
    await expectRefusal(h, modify(target.id, { password: 'short1' }), 400, 'administrator.password_too_short')
    await expectRefusal(h, modify(target.id, { password: 'modify-target' }), 400, 'administrator.password_letters_and_numbers')
    await expectRefusal(h, modify(target.id, { password: 'Modify-Target1', username: 'modify-target1' }), 400, 'administrator.password_same_as_username')
  })

  it('refuses a username in use (409) and a role that does not exist (400)', async () => {
    await expectRefusal(h, modify(target.id, { username: 'admin' }), 409, 'administrator.name_in_use', "An administrator named 'admin' already exists.")
    await expectRefusal(h, modify(target.id, { roleID: 4242 }), 400, 'administrator.role_not_found')
  })

  it('refuses to turn on the second factor for someone else (400)', async () => {
    await expectRefusal(h, modify(target.id, { mfaType: 'local-totp' }), 400, 'administrator.mfa_enrolment_required')
  })

  describe('the last active administrator with Full Access', () => {
    const LAST = "'admin' is the last active administrator with Full Access and cannot be deleted, demoted or locked out."

    it('cannot be demoted (409)', async () => {
      await expectRefusal(h, modify(1, { roleID: 2 }), 409, 'administrator.last_full_access', LAST)
    })

    it('cannot be locked out (409)', async () => {
      await expectRefusal(h, modify(1, { active: false }), 409, 'administrator.last_full_access', LAST)
    })

    it('survives two concurrent demotions of the last two: exactly one succeeds, the other gets 409', async () => {
      const second = await quickAdministrator(h, { role: 1 })
      const [a, b] = await Promise.all([
        h.post('/api/administrators/1', { secret: h.keys.fullAccess.secret, body: { roleID: 2 } }),
        h.post(`/api/administrators/${second.id}`, { secret: h.keys.fullAccess.secret, body: { roleID: 2 } }),
      ])
      expect([a.status, b.status].sort()).toEqual([200, 409])
      expect([a, b].find((res) => res.status === 409)!.body.code).toBe('administrator.last_full_access')
      const remaining = await h.db.selectFrom('administrators').select('id').where('role_id', '=', 1).where('active', '=', 1).execute()
      expect(remaining).toHaveLength(1)
      // Put things back for the other tests: 'admin' is the one with Full Access.
      if (a.status === 200) {
        expect((await h.post('/api/administrators/1', { secret: h.keys.fullAccess.secret, body: { roleID: 1 } })).status).toBe(200)
        expect((await h.post(`/api/administrators/${second.id}`, { secret: h.keys.fullAccess.secret, body: { roleID: 2 } })).status).toBe(200)
      }
    })

    it('cannot be demoted while the only other Full Access administrator is locked out (409)', async () => {
      await quickAdministrator(h, { role: 1, active: false })
      await expectRefusal(h, modify(1, { roleID: 2 }), 409, 'administrator.last_full_access', LAST)
    })
  })

  it('refuses to demote the last administrator with Full Access while failed sign-ins lock it out from an address (409)', async () => {
    const locked = await Harness.start({ lockoutThreshold: 1 })
    try {
      expectStatus(await locked.post('/api/session', { body: { username: 'admin', password: 'Wrong-passw0rd' } }), 401)
      await expectRefusal(
        locked,
        () => locked.post('/api/administrators/1', { secret: locked.keys.fullAccess.secret, body: { roleID: 2 } }),
        409,
        'administrator.last_full_access',
      )
    } finally {
      await locked.close()
    }
  })

  it('refuses to let a signed-in administrator lock itself out (403)', async () => {
    const self = await quickAdministrator(h, { role: 1 })
    const session = await h.signIn(self.username, QUICK_PASSWORD)
    await expectRefusal(
      h,
      () => h.post(`/api/administrators/${self.id}`, { session, body: { active: false } }),
      403,
      'administrator.self_lockout',
      'You cannot lock out your own account.',
    )
  })
})
