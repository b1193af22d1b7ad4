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

describe(`${testEngine()}: apikeys modify (security)`, () => {
  let h: Harness
  let target: TestKey
  beforeAll(async () => {
    h = await Harness.start()
    target = await h.key({ name: 'modify-security-target', role: 2 })
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'POST',
    url: () => `/api/apikeys/${target.id}`,
    body: () => ({ description: 'changed by an intruder', active: false }),
    right: 'apikeyRights.canEditApiKeyProperties',
    deniedMessage: 'Not authorized to modify API keys or the requested modification is not permitted.',
  })

  describe.each([
    ['Full Access', () => 1],
    ['a custom role with only canEditApiKeyProperties', async () => (await h.role({ rights: ['apikeyRights.canEditApiKeyProperties'] })).id],
  ])('%s', (_name, roleOf) => {
    it('may modify an API key', async () => {
      const editor = await h.key({ role: await roleOf() })
      const res = await h.post(`/api/apikeys/${target.id}`, { secret: editor.secret, body: { description: `edited by ${editor.id}` } })
      expectStatus(res, 200)
      expect((await h.row(target.id))?.description).toBe(`edited by ${editor.id}`)
    })
  })

  it('refuses the Auditor even for its own key through /apikeys/{id} (403)', async () => {
    const before = await h.snapshot()
    const res = await h.post(`/api/apikeys/${h.keys.auditor.id}`, { secret: h.keys.auditor.secret, body: { roleID: 1 } })
    expectStatus(res, 403)
    expect(res.body.code).toBe('apikey.modify_denied')
    expect(await h.snapshot()).toEqual(before)
  })

  it('refuses a missing key with 403, not 404, to a role without the right', async () => {
    const res = await h.post('/api/apikeys/424242', { secret: h.keys.auditor.secret, body: { description: 'x' } })
    expectStatus(res, 403)
  })

  describe('the equal-or-lesser rule', () => {
    let restrictedRole: number
    let editor: TestKey
    beforeAll(async () => {
      restrictedRole = (await h.role({ rights: API_KEY_RIGHTS, equalOrLesser: true })).id
      editor = await h.key({ role: restrictedRole })
    })

    it('keeps a restricted role from editing a Full Access key (403)', async () => {
      const before = await h.snapshot()
      const res = await h.post(`/api/apikeys/${h.keys.fullAccess.id}`, { secret: editor.secret, body: { description: 'hijacked', active: false } })
      expectStatus(res, 403)
      expect(res.body).toEqual({
        code: 'role.rights_exceed_own',
        message: "Not authorized: the role 'Full Access' has rights that your own role does not have.",
      })
      expect(await h.snapshot()).toEqual(before)
    })

    it('keeps it from raising a key of its own role to Full Access (403)', async () => {
      const peer = await h.key({ role: restrictedRole })
      const before = await h.snapshot()
      const res = await h.post(`/api/apikeys/${peer.id}`, { secret: editor.secret, body: { roleID: 1 } })
      expectStatus(res, 403)
      expect(res.body.code).toBe('role.rights_exceed_own')
      expect(await h.snapshot()).toEqual(before)
    })

    it('keeps it from raising its own key to Full Access', async () => {
      const before = await h.snapshot()
      const res = await h.post(`/api/apikeys/${editor.id}`, { secret: editor.secret, body: { roleID: 1 } })
      expectStatus(res, 403)
      expect(res.body.code).toBe('role.rights_exceed_own')
      expect(await h.snapshot()).toEqual(before)
    })

    it('lets it edit and lock a key of its own role', async () => {
      const peer = await h.key({ role: restrictedRole })
      const res = await h.post(`/api/apikeys/${peer.id}`, { secret: editor.secret, body: { description: 'peer edit', active: false } })
      expectStatus(res, 200)
      expect(await h.row(peer.id)).toMatchObject({ description: 'peer edit', active: 0, role_id: restrictedRole })
    })
  })
})
