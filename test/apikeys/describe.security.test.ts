import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALL_RIGHTS } from '../../src/roles/rights.js'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: apikeys describe (security)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'GET',
    url: (h) => `/api/apikeys/${h.keys.auditor.id}`,
    right: 'apikeyRights.canViewApiKeys',
    deniedMessage: 'Not authorized to view API keys.',
  })

  describe.each([
    ['the Auditor', () => 2],
    ['Full Access', () => 1],
    ['a custom role with only canViewApiKeys', async () => (await h.role({ rights: ['apikeyRights.canViewApiKeys'] })).id],
  ])('%s', (_name, roleOf) => {
    it('may describe any API key, Full Access ones included', async () => {
      const key = await h.key({ role: await roleOf() })
      const res = await h.get(`/api/apikeys/${h.keys.fullAccess.id}`, { secret: key.secret })
      expectStatus(res, 200)
      expect(res.body).toMatchObject({ ID: h.keys.fullAccess.id, keyName: 'harness-full-access', roleID: 1 })
      expect(res.body).not.toHaveProperty('secretKey')
    })
  })

  it('refuses a role without canViewApiKeys with 403 for existing and missing keys alike', async () => {
    const role = await h.role({ rights: ALL_RIGHTS.filter((r) => r !== 'apikeyRights.canViewApiKeys') })
    const key = await h.key({ role: role.id })
    const existing = await h.get(`/api/apikeys/${h.keys.fullAccess.id}`, { secret: key.secret })
    const missing = await h.get('/api/apikeys/424242', { secret: key.secret })
    for (const res of [existing, missing]) {
      expectStatus(res, 403)
      expect(res.body).toEqual({ code: 'apikey.view_denied', message: 'Not authorized to view API keys.' })
    }
  })
})
