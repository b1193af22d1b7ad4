import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: roles search (security)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'POST',
    url: () => '/api/roles/search',
    body: () => ({ searchCriteria: [{ fieldName: 'name', stringValue: '%' }] }),
    right: 'administratorRoleRights.canViewAdministratorRoles',
    deniedMessage: 'Not authorized to view administrator roles.',
  })

  describe.each([
    ['the Auditor', () => 2],
    ['a custom role with only canViewAdministratorRoles', async () => (await h.role({ rights: ['administratorRoleRights.canViewAdministratorRoles'] })).id],
  ])('%s', (_name, roleOf) => {
    it('may search roles', async () => {
      const key = await h.key({ role: await roleOf() })
      const res = await h.post('/api/roles/search', { secret: key.secret, body: { searchCriteria: [{ idValue: 1 }] } })
      expectStatus(res, 200)
      expect(res.body.roles.map((r: any) => r.name)).toEqual(['Full Access'])
    })
  })

  it('requires the CSRF token of a console session even for a search, as for every POST', async () => {
    const session = await h.signInAsAdmin()
    const withToken = await h.post('/api/roles/search', { session, body: {} })
    expectStatus(withToken, 200)
    const withoutToken = await h.post('/api/roles/search', { session, csrf: false, body: {} })
    expectStatus(withoutToken, 403)
    expect(withoutToken.body.code).toBe('auth.csrf_invalid')
  })
})
