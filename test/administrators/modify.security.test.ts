import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { administratorRow } from '../helpers/stored-rows.js'
import { expectStatus, Harness, type TestAdministrator } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: administrators modify (security)`, () => {
  let h: Harness
  let target: TestAdministrator
  let counter = 0
  beforeAll(async () => {
    h = await Harness.start()
    target = await quickAdministrator(h, { role: 2 })
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'POST',
    url: () => `/api/administrators/${target.id}`,
    body: () => ({ fullName: `security-${++counter}` }),
    right: 'administratorRights.canEditAdministratorProperties',
    deniedMessage: 'Not authorized to modify administrators or the requested modification is not permitted.',
  })

  it('refuses a caller without the right to set a password, unlock or lock (403, nothing changes)', async () => {
    const key = await h.key({
      role: (await h.role({ rights: ['administratorRights.canViewAdministrators', 'administratorRights.canCreateNewAdministrators'] })).id,
    })
    for (const body of [{ password: 'Hijack-passw0rd' }, { active: false }, { active: true }, { mfaType: 'none' }]) {
      await expectRefusal(h, () => h.post(`/api/administrators/${target.id}`, { secret: key.secret, body }), 403, 'administrator.modify_denied')
    }
  })

  it('lets a role holding only canEditAdministratorProperties edit', async () => {
    const key = await h.key({ role: (await h.role({ rights: ['administratorRights.canEditAdministratorProperties'] })).id })
    expectStatus(await h.post(`/api/administrators/${target.id}`, { secret: key.secret, body: { description: 'by editor' } }), 200)
    expect((await administratorRow(h, target.id))?.description).toBe('by editor')
  })

  it('refuses a console session without its CSRF token (403)', async () => {
    const session = await h.signIn((await quickAdministrator(h)).username, QUICK_PASSWORD)
    await expectRefusal(
      h,
      () => h.post(`/api/administrators/${target.id}`, { session, csrf: false, body: { password: 'Csrf-passw0rd' } }),
      403,
      'auth.csrf_invalid',
    )
  })
})
