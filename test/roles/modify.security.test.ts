import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { roleRow } from '../helpers/stored-rows.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: roles modify (security)`, () => {
  let h: Harness
  let target: { id: number }
  let counter = 0
  beforeAll(async () => {
    h = await Harness.start()
    target = await h.role({ name: 'Security Target' })
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'POST',
    url: () => `/api/roles/${target.id}`,
    body: () => ({ description: `security-${++counter}` }),
    right: 'administratorRoleRights.canEditAdministratorRoleProperties',
    deniedMessage: 'Not authorized to modify administrator roles or the requested modification is not permitted.',
  })

  it('lets a role holding only canEditAdministratorRoleProperties edit a role', async () => {
    const editor = await h.key({ role: (await h.role({ rights: ['administratorRoleRights.canEditAdministratorRoleProperties'] })).id })
    expectStatus(await h.post(`/api/roles/${target.id}`, { secret: editor.secret, body: { description: 'by editor' } }), 200)
    expect((await roleRow(h, target.id))?.description).toBe('by editor')
  })

  it('refuses the Auditor, even on its own role (403)', async () => {
    await expectRefusal(
      h,
      () => h.post('/api/roles/2', { secret: h.keys.auditor.secret, body: { rights: { platformRights: { apikeyRights: { canCreateNewApiKeys: true } } } } }),
      403,
      'role.modify_denied',
    )
  })

  it('refuses a console session without its CSRF token, or with a wrong one (403)', async () => {
    const session = await h.signInAsAdmin()
    await expectRefusal(h, () => h.post(`/api/roles/${target.id}`, { session, csrf: false, body: { description: 'no-csrf' } }), 403, 'auth.csrf_invalid')
    await expectRefusal(
      h,
      () =>
        h.post(`/api/roles/${target.id}`, {
          session,
          csrf: false,
          headers: { 'x-csrf-token': `${session.csrfToken.slice(0, -1)}${session.csrfToken.endsWith('x') ? 'y' : 'x'}` },
          body: { description: 'bad-csrf' },
        }),
      403,
      'auth.csrf_invalid',
    )
  })
})
