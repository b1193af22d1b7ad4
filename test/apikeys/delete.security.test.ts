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

describe(`${testEngine()}: apikeys delete (security)`, () => {
  let h: Harness
  let target: TestKey
  beforeAll(async () => {
    h = await Harness.start()
    target = await h.key({ name: 'delete-security-target', role: 2 })
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'DELETE',
    url: () => `/api/apikeys/${target.id}`,
    right: 'apikeyRights.canDeleteApiKeys',
    deniedMessage: 'Not authorized to delete API keys.',
  })

  it('kept the target through every refused request', async () => {
    expect(await h.row(target.id)).toMatchObject({ key_name: 'delete-security-target' })
  })

  describe.each([
    ['Full Access', () => 1],
    ['a custom role with only canDeleteApiKeys', async () => (await h.role({ rights: ['apikeyRights.canDeleteApiKeys'] })).id],
  ])('%s', (_name, roleOf) => {
    it('may delete an API key', async () => {
      const deleter = await h.key({ role: await roleOf() })
      const victim = await h.key({ role: 2 })
      const res = await h.delete(`/api/apikeys/${victim.id}`, { secret: deleter.secret })
      expectStatus(res, 200)
      expect(await h.row(victim.id)).toBeUndefined()
    })
  })

  it('refuses the Auditor even for its own key (403)', async () => {
    const before = await h.snapshot()
    const res = await h.delete(`/api/apikeys/${h.keys.auditor.id}`, { secret: h.keys.auditor.secret })
    expectStatus(res, 403)
    expect(res.body).toEqual({ code: 'apikey.delete_denied', message: 'Not authorized to delete API keys.' })
    expect(await h.snapshot()).toEqual(before)
  })

  it('keeps a role under the equal-or-lesser rule from deleting a Full Access key (403)', async () => {
    const restricted = await h.role({ rights: API_KEY_RIGHTS, equalOrLesser: true })
    const deleter = await h.key({ role: restricted.id })
    const before = await h.snapshot()
    const res = await h.delete(`/api/apikeys/${h.keys.fullAccess.id}`, { secret: deleter.secret })
    expectStatus(res, 403)
    expect(res.body.code).toBe('role.rights_exceed_own')
    expect(await h.snapshot()).toEqual(before)
    expectStatus(await h.get('/api/apikeys/current', { secret: h.keys.fullAccess.secret }), 200)

    const peer = await h.key({ role: restricted.id })
    expectStatus(await h.delete(`/api/apikeys/${peer.id}`, { secret: deleter.secret }), 200)
  })
})
