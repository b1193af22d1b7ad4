import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { roleRow } from '../helpers/stored-rows.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: roles delete (security)`, () => {
  let h: Harness
  let target: { id: number }
  beforeAll(async () => {
    h = await Harness.start()
    target = await h.role({ name: 'Security Target' })
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'DELETE',
    url: () => `/api/roles/${target.id}`,
    right: 'administratorRoleRights.canDeleteAdministratorRoles',
    deniedMessage: 'Not authorized to delete administrator roles.',
  })

  it('refuses a console session without its CSRF token (403), and deletes with it', async () => {
    const session = await h.signInAsAdmin()
    const role = await h.role()
    await expectRefusal(h, () => h.delete(`/api/roles/${role.id}`, { session, csrf: false }), 403, 'auth.csrf_invalid')
    expectStatus(await h.delete(`/api/roles/${role.id}`, { session }), 200)
    expect(await roleRow(h, role.id)).toBeUndefined()
  })

  it('lets a role holding only canDeleteAdministratorRoles delete a role', async () => {
    const deleter = await h.key({ role: (await h.role({ rights: ['administratorRoleRights.canDeleteAdministratorRoles'] })).id })
    const role = await h.role()
    expectStatus(await h.delete(`/api/roles/${role.id}`, { secret: deleter.secret }), 200)
    expect(await roleRow(h, role.id)).toBeUndefined()
  })

  it('does not tell a caller without the right whether a role is in use or exists (403 first)', async () => {
    const viewer = await h.key({ role: 2 })
    await expectRefusal(h, () => h.delete('/api/roles/424242', { secret: viewer.secret }), 403, 'role.delete_denied')
    await expectRefusal(h, () => h.delete('/api/roles/2', { secret: viewer.secret }), 403, 'role.delete_denied')
  })
})
