import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { quickAdministrator } from '../helpers/quick-administrator.js'
import { administratorRow } from '../helpers/stored-rows.js'
import { expectStatus, Harness, type TestAdministrator } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: administrators delete (security)`, () => {
  let h: Harness
  let target: TestAdministrator
  beforeAll(async () => {
    h = await Harness.start()
    target = await quickAdministrator(h, { role: 2 })
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'DELETE',
    url: () => `/api/administrators/${target.id}`,
    right: 'administratorRights.canDeleteAdministrators',
    deniedMessage: 'Not authorized to delete administrators.',
  })

  it('lets a role holding only canDeleteAdministrators delete one', async () => {
    const key = await h.key({ role: (await h.role({ rights: ['administratorRights.canDeleteAdministrators'] })).id })
    const victim = await quickAdministrator(h, { role: 2 })
    expectStatus(await h.delete(`/api/administrators/${victim.id}`, { secret: key.secret }), 200)
    expect(await administratorRow(h, victim.id)).toBeUndefined()
  })

  it('refuses a console session without its CSRF token (403)', async () => {
    const session = await h.signInAsAdmin()
    await expectRefusal(h, () => h.delete(`/api/administrators/${target.id}`, { session, csrf: false }), 403, 'auth.csrf_invalid')
  })
})
