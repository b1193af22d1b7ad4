import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALL_RIGHTS } from '../../src/roles/rights.js'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: apikeys list (security)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'GET',
    url: () => '/api/apikeys',
    right: 'apikeyRights.canViewApiKeys',
    deniedMessage: 'Not authorized to view API keys.',
  })

  describe.each([
    ['the Auditor', () => 2],
    ['Full Access', () => 1],
    ['a custom role with only canViewApiKeys', async () => (await h.role({ rights: ['apikeyRights.canViewApiKeys'] })).id],
  ])('%s', (_name, roleOf) => {
    it('may list API keys', async () => {
      const key = await h.key({ role: await roleOf() })
      const res = await h.get('/api/apikeys', { secret: key.secret })
      expectStatus(res, 200)
      expect(res.body.apiKeys.map((k: any) => k.ID)).toContain(key.id)
      expect(res.body.apiKeys.map((k: any) => k.ID)).toContain(h.keys.fullAccess.id)
    })
  })

  it('refuses a role with every right but canViewApiKeys, with the model API message (403)', async () => {
    const role = await h.role({ rights: ALL_RIGHTS.filter((r) => r !== 'apikeyRights.canViewApiKeys') })
    const key = await h.key({ role: role.id })
    const res = await h.get('/api/apikeys', { secret: key.secret })
    expectStatus(res, 403)
    expect(res.body).toEqual({ code: 'apikey.view_denied', message: 'Not authorized to view API keys.' })
    expect(res.text).not.toContain('harness-full-access')
  })

  it('answers the refusal in the language of the key (ja-JP)', async () => {
    const role = await h.role({ rights: [] })
    const key = await h.key({ role: role.id, locale: 'ja-JP' })
    const res = await h.get('/api/apikeys', { secret: key.secret })
    expectStatus(res, 403)
    expect(res.body).toEqual({ code: 'apikey.view_denied', message: 'API キーを表示する権限がありません。' })
  })
})
