import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALL_RIGHTS } from '../../src/roles/rights.js'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: apikeys search (security)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'POST',
    url: () => '/api/apikeys/search',
    body: () => ({ searchCriteria: [{ fieldName: 'keyName', stringValue: '%' }] }),
    right: 'apikeyRights.canViewApiKeys',
    deniedMessage: 'Not authorized to view API keys.',
  })

  describe.each([
    ['the Auditor', () => 2],
    ['Full Access', () => 1],
    ['a custom role with only canViewApiKeys', async () => (await h.role({ rights: ['apikeyRights.canViewApiKeys'] })).id],
  ])('%s', (_name, roleOf) => {
    it('may search API keys', async () => {
      const key = await h.key({ role: await roleOf() })
      const res = await h.post('/api/apikeys/search', { secret: key.secret, body: { searchCriteria: [{ idValue: key.id }] } })
      expectStatus(res, 200)
      expect(res.body.apiKeys.map((k: any) => k.ID)).toEqual([key.id])
      expect(res.body.apiKeys[0]).not.toHaveProperty('secretKey')
    })
  })

  it('refuses a role without canViewApiKeys before looking at the filter (403, not 400)', async () => {
    const role = await h.role({ rights: ALL_RIGHTS.filter((r) => r !== 'apikeyRights.canViewApiKeys') })
    const key = await h.key({ role: role.id })
    // A filter the role could not use even with the right: the refusal must come first.
    const res = await h.post('/api/apikeys/search', { secret: key.secret, body: { searchCriteria: [{ fieldName: 'secretKey', stringValue: 'kw_%' }] } })
    expectStatus(res, 403)
    expect(res.body).toEqual({ code: 'apikey.view_denied', message: 'Not authorized to view API keys.' })
  })

  it('cannot be used to probe secrets or their hashes', async () => {
    for (const fieldName of ['secretKey', 'secretHash', 'secret_hash']) {
      const res = await h.post('/api/apikeys/search', { secret: h.keys.fullAccess.secret, body: { searchCriteria: [{ fieldName, stringValue: '%' }] } })
      expectStatus(res, 400)
      expect(res.body.code, fieldName).toBe('search.field_unknown')
    }
  })

  it('binds values as parameters: SQL in a value is only text to match', async () => {
    const before = await h.snapshot()
    for (const stringValue of ["' or 1=1 --", "%' or '1'='1", "x'); delete from api_keys; --"]) {
      const res = await h.post('/api/apikeys/search', { secret: h.keys.fullAccess.secret, body: { searchCriteria: [{ fieldName: 'keyName', stringValue }] } })
      expectStatus(res, 200)
      expect(res.body.apiKeys, stringValue).toEqual([])
    }
    expect(await h.snapshot()).toEqual(before)
  })
})
