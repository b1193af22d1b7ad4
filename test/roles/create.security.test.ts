import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { quickAdministrator } from '../helpers/quick-administrator.js'
import { roleRow } from '../helpers/stored-rows.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: roles create (security)`, () => {
  let h: Harness
  let counter = 0
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'POST',
    url: () => '/api/roles',
    body: () => ({ name: `security-${++counter}` }),
    right: 'administratorRoleRights.canCreateNewAdministratorRoles',
    deniedMessage: 'Not authorized to create administrator roles.',
  })

  it('lets a role holding only canCreateNewAdministratorRoles create a role without rights', async () => {
    const creator = await h.key({ role: (await h.role({ rights: ['administratorRoleRights.canCreateNewAdministratorRoles'] })).id })
    const res = await h.post('/api/roles', { secret: creator.secret, body: { name: 'made-by-creator' } })
    expectStatus(res, 200)
    expect((await roleRow(h, res.body.ID))?.name).toBe('made-by-creator')
  })

  it('refuses the Auditor, in the model API words (403)', async () => {
    await expectRefusal(
      h,
      () => h.post('/api/roles', { secret: h.keys.auditor.secret, body: { name: 'by-auditor' } }),
      403,
      'role.create_denied',
      'Not authorized to create administrator roles.',
    )
  })

  it('refuses a console session without its CSRF token, and accepts it with the token', async () => {
    const session = await h.signInAsAdmin()
    await expectRefusal(h, () => h.post('/api/roles', { session, csrf: false, body: { name: 'no-csrf' } }), 403, 'auth.csrf_invalid')
    const res = await h.post('/api/roles', { session, body: { name: 'with-csrf' } })
    expectStatus(res, 200)
  })

  it('refuses an administrator whose role lacks the right, signed in (403)', async () => {
    const role = await h.role({ rights: ['administratorRoleRights.canViewAdministratorRoles'] })
    const admin = await quickAdministrator(h, { role: role.id })
    const session = await h.signIn(admin.username, admin.password)
    await expectRefusal(h, () => h.post('/api/roles', { session, body: { name: 'by-viewer' } }), 403, 'role.create_denied')
  })

  it('refuses a role bound by the equal-or-lesser rule a role stronger than its own (403)', async () => {
    const bound = await h.role({ rights: ['administratorRoleRights.canCreateNewAdministratorRoles'], equalOrLesser: true })
    const key = await h.key({ role: bound.id })
    await expectRefusal(
      h,
      () => h.post('/api/roles', { secret: key.secret, body: { name: 'stronger', rights: { platformRights: { apikeyRights: { canViewApiKeys: true } } } } }),
      403,
      'role.rights_exceed_own',
      "Not authorized: the role 'stronger' has rights that your own role does not have.",
    )
  })
})
