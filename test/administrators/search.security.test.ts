import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: administrators search (security)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'POST',
    url: () => '/api/administrators/search',
    body: () => ({ searchCriteria: [{ fieldName: 'username', stringValue: '%' }] }),
    right: 'administratorRights.canViewAdministrators',
    deniedMessage: 'Not authorized to view administrators.',
  })

  it('lets the Auditor search administrators', async () => {
    const res = await h.post('/api/administrators/search', {
      secret: h.keys.auditor.secret,
      body: { searchCriteria: [{ fieldName: 'username', stringValue: 'admin' }] },
    })
    expectStatus(res, 200)
    expect(res.body.administrators.map((a: any) => a.ID)).toEqual([1])
  })

  it('cannot be used to guess password hashes by searching them', async () => {
    const res = await h.post('/api/administrators/search', {
      secret: h.keys.fullAccess.secret,
      body: { searchCriteria: [{ fieldName: 'passwordHash', stringValue: 'scrypt%' }] },
    })
    expectStatus(res, 400)
    expect(res.body.code).toBe('search.field_unknown')
  })
})
