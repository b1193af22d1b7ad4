import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Right } from '../../src/roles/rights.js'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { expectStatus, Harness, type TestKey } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

const API_KEY_RIGHTS: Right[] = [
  'apikeyRights.canCreateNewApiKeys',
  'apikeyRights.canDeleteApiKeys',
  'apikeyRights.canEditApiKeyProperties',
  'apikeyRights.canViewApiKeys',
]

describe(`${testEngine()}: apikeys new secret (security)`, () => {
  let h: Harness
  let target: TestKey
  beforeAll(async () => {
    h = await Harness.start()
    target = await h.key({ name: 'new-secret-security-target', role: 2 })
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'POST',
    url: () => `/api/apikeys/${target.id}/secretkey`,
    right: 'apikeyRights.canEditApiKeyProperties',
    deniedMessage: 'Not authorized to generate API secret keys.',
  })

  it("kept the target's secret through every refused request", async () => {
    expectStatus(await h.get('/api/apikeys/current', { secret: target.secret }), 200)
  })

  describe.each([
    ['Full Access', () => 1],
    ['a custom role with only canEditApiKeyProperties', async () => (await h.role({ rights: ['apikeyRights.canEditApiKeyProperties'] })).id],
  ])('%s', (_name, roleOf) => {
    it('may generate a new secret for an API key', async () => {
      const editor = await h.key({ role: await roleOf() })
      const victim = await h.key({ role: 2 })
      const res = await h.post(`/api/apikeys/${victim.id}/secretkey`, { secret: editor.secret })
      expectStatus(res, 200)
      expectStatus(await h.get('/api/apikeys/current', { secret: res.body.secretKey }), 200)
      expectStatus(await h.get('/api/apikeys/current', { secret: victim.secret }), 401)
    })
  })

  it('refuses the Auditor, also for its own key through /apikeys/{id}/secretkey (403)', async () => {
    const before = await h.snapshot()
    const res = await h.post(`/api/apikeys/${h.keys.auditor.id}/secretkey`, { secret: h.keys.auditor.secret })
    expectStatus(res, 403)
    expect(res.body).toEqual({ code: 'apikey.secret_denied', message: 'Not authorized to generate API secret keys.' })
    expect(await h.snapshot()).toEqual(before)
  })

  it('keeps a role under the equal-or-lesser rule from taking over a Full Access key (403)', async () => {
    const restricted = await h.role({ rights: API_KEY_RIGHTS, equalOrLesser: true })
    const editor = await h.key({ role: restricted.id })
    const before = await h.snapshot()
    const res = await h.post(`/api/apikeys/${h.keys.fullAccess.id}/secretkey`, { secret: editor.secret })
    expectStatus(res, 403)
    expect(res.body.code).toBe('role.rights_exceed_own')
    expect(res.text).not.toMatch(/kw_\d+_/)
    expect(await h.snapshot()).toEqual(before)
    expectStatus(await h.get('/api/apikeys/current', { secret: h.keys.fullAccess.secret }), 200)
  })
})
