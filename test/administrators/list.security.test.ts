import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: administrators list (security)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'GET',
    url: () => '/api/administrators',
    right: 'administratorRights.canViewAdministrators',
    deniedMessage: 'Not authorized to view administrators.',
  })

  describe.each([
    ['the Auditor', () => 2],
    ['a custom role with only canViewAdministrators', async () => (await h.role({ rights: ['administratorRights.canViewAdministrators'] })).id],
  ])('%s', (_name, roleOf) => {
    it('may list administrators', async () => {
      const key = await h.key({ role: await roleOf() })
      const res = await h.get('/api/administrators', { secret: key.secret })
      expectStatus(res, 200)
      expect(res.body.administrators.map((a: any) => a.username)).toContain('admin')
    })
  })

  it('may be listed from a console session without a CSRF token (a GET changes nothing)', async () => {
    const session = await h.signInAsAdmin()
    const res = await h.get('/api/administrators', { session, csrf: false })
    expectStatus(res, 200)
    expect(res.body.administrators[0].username).toBe('admin')
  })
})
