import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: administrators describe (security)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'GET',
    url: () => '/api/administrators/1',
    right: 'administratorRights.canViewAdministrators',
    deniedMessage: 'Not authorized to view administrators.',
  })

  it('answers 403 before 404: a caller without the right cannot probe which IDs exist', async () => {
    const key = await h.key({ role: (await h.role({ rights: ['apikeyRights.canViewApiKeys'] })).id })
    const existing = await expectRefusal(h, () => h.get('/api/administrators/1', { secret: key.secret }), 403, 'administrator.view_denied')
    const missing = await expectRefusal(h, () => h.get('/api/administrators/424242', { secret: key.secret }), 403, 'administrator.view_denied')
    expect(missing.body).toEqual(existing.body)
  })

  it('lets the Auditor describe an administrator', async () => {
    expectStatus(await h.get('/api/administrators/1', { secret: h.keys.auditor.secret }), 200)
  })
})
