import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSecret, redactSecrets } from '../../src/auth/secret-format.js'
import type { Right } from '../../src/roles/rights.js'
import { runCommonSecurityTests } from '../helpers/common-security.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

const API_KEY_RIGHTS: Right[] = [
  'apikeyRights.canCreateNewApiKeys',
  'apikeyRights.canDeleteApiKeys',
  'apikeyRights.canEditApiKeyProperties',
  'apikeyRights.canViewApiKeys',
]

/** Log lines holding anything shaped like a Keyward secret (`redactSecrets` masks the same shape). */
function linesWithSecrets(logs: readonly string[]): string[] {
  return logs.filter((line) => redactSecrets(line) !== line)
}

describe(`${testEngine()}: apikeys create (security)`, () => {
  let h: Harness
  let counter = 0
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  runCommonSecurityTests(() => h, {
    method: 'POST',
    url: () => '/api/apikeys',
    body: () => ({ keyName: `security-${++counter}`, roleID: 2 }),
    right: 'apikeyRights.canCreateNewApiKeys',
    deniedMessage: 'Not authorized to create API keys.',
  })

  describe.each([
    ['Full Access', () => 1],
    ['a custom role with only canCreateNewApiKeys', async () => (await h.role({ rights: ['apikeyRights.canCreateNewApiKeys'] })).id],
  ])('%s', (_name, roleOf) => {
    it('may create an API key (with a role within its own rights)', async () => {
      const role = await roleOf()
      const creator = await h.key({ role })
      const res = await h.post('/api/apikeys', { secret: creator.secret, body: { keyName: `by-role-${role}-${++counter}`, roleID: role } })
      expectStatus(res, 200)
      expect(res.body.createdByApiKeyID).toBe(creator.id)
      expect((await h.row(res.body.ID))?.created_by_api_key_id).toBe(creator.id)
    })
  })

  it('writes no secret to any log line while creating keys and failing authentications', async () => {
    const created = await h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: 'logged-secret', roleID: 1 } })
    expectStatus(created, 200)
    const secret: string = created.body.secretKey
    expectStatus(await h.get('/api/apikeys/current', { secret }), 200)
    expectStatus(await h.get('/api/apikeys/current', { secret, scheme: 'ApiKey' }), 200)
    expectStatus(await h.get('/api/apikeys/current', { secret, scheme: 'Bearer' }), 200)
    expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(created.body.ID) }), 401)
    expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(987_654) }), 401)
    expectStatus(await h.get('/api/apikeys/current', { secret: `${secret.slice(0, -1)}${secret.endsWith('a') ? 'b' : 'a'}` }), 401)
    expectStatus(await h.get('/api/apikeys/current', { secret: `${secret}x` }), 401)
    expectStatus(await h.post('/api/apikeys/current/secretkey', { secret }), 200)
    // The new secret of the second request and the one now dead both stay out of the logs.
    expectStatus(await h.get('/api/apikeys/current', { secret }), 401)
    // A secret in a URL (path or query) is masked before it is logged.
    expectStatus(await h.get(`/api/apikeys/${secret}`, { secret: h.keys.fullAccess.secret }), 400)
    expectStatus(await h.get(`/api/apikeys?leaked=${secret}`, { secret: h.keys.fullAccess.secret }), 200)
    expectStatus(await h.get(`/api/no-such-route/${secret}`, { secret: h.keys.fullAccess.secret }), 404)
    await h.app.context.usage.flush()

    expect(h.logs.length, 'logs are captured').toBeGreaterThan(10)
    expect(linesWithSecrets(h.logs)).toEqual([])
    expect(h.logs.filter((line) => line.includes(h.keys.fullAccess.secret))).toEqual([])
  })

  describe('writes no secret to the log when a client sends one in the wrong place', () => {
    let secret: string
    beforeAll(async () => {
      secret = (await h.key({ name: 'misplaced-secret' })).secret
    })

    it('as the timeZone of a new key', async () => {
      const from = h.logs.length
      expectStatus(await h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: 'tz-leak', roleID: 2, timeZone: secret } }), 400)
      expect(linesWithSecrets(h.logs.slice(from))).toEqual([])
    })

    it('as the expiryDate of a new key', async () => {
      const from = h.logs.length
      expectStatus(await h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: 'expiry-leak', roleID: 2, expiryDate: secret } }), 400)
      expect(linesWithSecrets(h.logs.slice(from))).toEqual([])
    })

    it('as the api-version header', async () => {
      const from = h.logs.length
      expectStatus(await h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, apiVersion: secret, body: { keyName: 'version-leak', roleID: 2 } }), 400)
      expect(linesWithSecrets(h.logs.slice(from))).toEqual([])
    })

    it('as an Authorization header without a scheme', async () => {
      const from = h.logs.length
      expectStatus(await h.post('/api/apikeys', { headers: { authorization: secret }, body: { keyName: 'scheme-leak', roleID: 2 } }), 401)
      expect(linesWithSecrets(h.logs.slice(from))).toEqual([])
    })
  })

  describe('the equal-or-lesser rule', () => {
    it('keeps a role that may only manipulate equal or lesser rights from creating a Full Access key (403)', async () => {
      const restricted = await h.role({ rights: API_KEY_RIGHTS, equalOrLesser: true })
      const creator = await h.key({ role: restricted.id })
      const before = await h.snapshot()
      const res = await h.post('/api/apikeys', { secret: creator.secret, body: { keyName: 'escalated', roleID: 1 } })
      expectStatus(res, 403)
      expect(res.body).toEqual({
        code: 'role.rights_exceed_own',
        message: "Not authorized: the role 'Full Access' has rights that your own role does not have.",
      })
      expect(await h.snapshot()).toEqual(before)
    })

    it('lets it create a key with its own role', async () => {
      const restricted = await h.role({ rights: API_KEY_RIGHTS, equalOrLesser: true })
      const creator = await h.key({ role: restricted.id })
      const res = await h.post('/api/apikeys', { secret: creator.secret, body: { keyName: 'same-rights', roleID: restricted.id } })
      expectStatus(res, 200)
      expect((await h.row(res.body.ID))?.role_id).toBe(restricted.id)
    })

    it('does not hold back a role without the rule: it may hand out Full Access', async () => {
      const unrestricted = await h.role({ rights: ['apikeyRights.canCreateNewApiKeys'], equalOrLesser: false })
      const creator = await h.key({ role: unrestricted.id })
      const res = await h.post('/api/apikeys', { secret: creator.secret, body: { keyName: 'handed-full-access', roleID: 1 } })
      expectStatus(res, 200)
      expect((await h.row(res.body.ID))?.role_id).toBe(1)
    })
  })
})
