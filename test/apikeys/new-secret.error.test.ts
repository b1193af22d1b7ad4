import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness, type TestKey } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'
import { BAD_PATH_IDS } from '../helpers/bad-path-ids.js'
import { expectRefusal } from '../helpers/refusal.js'

describe(`${testEngine()}: apikeys new secret (error)`, () => {
  let h: Harness
  let target: TestKey
  beforeAll(async () => {
    h = await Harness.start()
    target = await h.key({ name: 'new-secret-error-target' })
  })
  afterAll(() => h.close())

  const expectRefused = async (id: string, status: number, code: string, body?: unknown) => {
    const res = await expectRefusal(h, () => h.post(`/api/apikeys/${id}/secretkey`, { secret: h.keys.fullAccess.secret, body }), status, code)
    expect(res.text).not.toMatch(/kw_\d+_[0-9A-Za-z]{8,}/)
    return res
  }

  it('answers 404 "The API key does not exist." for an ID no key has', async () => {
    const res = await expectRefused('424242', 404, 'apikey.not_found')
    expect(res.body.message).toBe('The API key does not exist.')
  })

  it('answers 404 for a deleted key', async () => {
    const key = await h.key({ name: 'deleted-before-renewal' })
    await h.app.context.services.apiKeys.delete(h.system, key.id)
    await expectRefused(String(key.id), 404, 'apikey.not_found')
  })

  it.each(BAD_PATH_IDS)('answers 400 naming apiKeyID for the ID "%s"', async (id, code) => {
    const res = await expectRefused(id, 400, code)
    expect(res.body.message).toContain("'apiKeyID'")
  })

  it('refuses malformed JSON and a NUL character in the (ignored) body', async () => {
    await expectRefused(String(target.id), 400, 'request.body_invalid_json', '{"x": ')
    await expectRefused(String(target.id), 400, 'request.body_nul_character', '{"x": "\\u0000"}')
  })

  it('refuses a body over the limit (413)', async () => {
    await expectRefused(String(target.id), 413, 'request.body_too_large', { x: 'x'.repeat(1_100_000) })
  })

  it('refuses GET on the secretkey path (404): a secret is never read back', async () => {
    const res = await h.get(`/api/apikeys/${target.id}/secretkey`, { secret: h.keys.fullAccess.secret })
    expectStatus(res, 404)
    expect(res.body.code).toBe('request.route_not_found')
  })
})
