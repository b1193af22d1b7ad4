/**
 * Issue 9, finding 5: a new role is bound by the equal-or-lesser rule unless its creator says
 * otherwise, so a role that may only edit API keys cannot lift its own key to Full Access and
 * then create a Full Access administrator with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FULL_ACCESS_ROLE_ID } from '../../src/roles/role.js'
import { roleRow } from '../helpers/stored-rows.js'
import { expectStatus, Harness, type TestKey } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: a new role is bound by the equal-or-lesser rule by default`, () => {
  let h: Harness
  let roleId: number
  let key: TestKey

  beforeAll(async () => {
    h = await Harness.start()
    const res = await h.post('/api/roles', {
      secret: h.keys.fullAccess.secret,
      body: { name: 'Key Editor', allowWebService: true, rights: { platformRights: { apikeyRights: { canEditApiKeyProperties: true } } } },
    })
    expectStatus(res, 200)
    roleId = res.body.ID
    key = await h.key({ role: roleId, name: 'key-editor' })
  })
  afterAll(() => h.close())

  it('creates the role with canOnlyManipulateUsersWithEqualOrLesserRights true when the request leaves it out', async () => {
    const res = await h.get(`/api/roles/${roleId}`, { secret: h.keys.fullAccess.secret })
    expect(res.body.canOnlyManipulateUsersWithEqualOrLesserRights).toBe(true)
    expect((await roleRow(h, roleId))?.can_only_manipulate_equal_or_lesser).toBe(1)
  })

  it('refuses the key raising its own role to Full Access (403 role.rights_exceed_own)', async () => {
    await expectRefusal(
      h,
      () => h.post(`/api/apikeys/${key.id}`, { secret: key.secret, body: { roleID: FULL_ACCESS_ROLE_ID } }),
      403,
      'role.rights_exceed_own',
      "Not authorized: the role 'Full Access' has rights that your own role does not have.",
    )
  })

  it('so the key cannot go on to create a Full Access administrator', async () => {
    await expectRefusal(
      h,
      () => h.post('/api/administrators', { secret: key.secret, body: { username: 'escalated', password: 'Escalate-passw0rd', roleID: FULL_ACCESS_ROLE_ID } }),
      403,
      'administrator.create_denied',
    )
  })

  it('still creates an unbound role when asked to explicitly', async () => {
    const res = await h.post('/api/roles', {
      secret: h.keys.fullAccess.secret,
      body: { name: 'Unbound on purpose', canOnlyManipulateUsersWithEqualOrLesserRights: false },
    })
    expectStatus(res, 200)
    expect(res.body.canOnlyManipulateUsersWithEqualOrLesserRights).toBe(false)
  })
})
