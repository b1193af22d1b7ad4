import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'
import { BAD_PATH_IDS } from '../helpers/bad-path-ids.js'
import { expectRefusal } from '../helpers/refusal.js'

describe(`${testEngine()}: apikeys describe (error)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const expectRefused = async (id: string, status: number, code: string) => {
    return expectRefusal(h, () => h.get(`/api/apikeys/${id}`, { secret: h.keys.fullAccess.secret }), status, code)
  }

  it('answers 404 "The API key does not exist." for an ID no key has', async () => {
    const res = await expectRefused('424242', 404, 'apikey.not_found')
    expect(res.body.message).toBe('The API key does not exist.')
  })

  it('answers 404 for a key that was deleted', async () => {
    const key = await h.key({ name: 'gone' })
    await h.app.context.services.apiKeys.delete(h.system, key.id)
    await expectRefused(String(key.id), 404, 'apikey.not_found')
  })

  it('answers 404 for the largest int32 ID', async () => {
    await expectRefused('2147483647', 404, 'apikey.not_found')
  })

  it.each([...BAD_PATH_IDS, ['2147483648', 'request.field_too_large']])('answers 400 naming apiKeyID for the ID "%s"', async (id, code) => {
    const res = await expectRefused(id, 400, code)
    expect(res.body.message).toContain("'apiKeyID'")
  })

  it.each(['0x1', '1e0', '+1', '%201', '1.0'])('answers 400 naming apiKeyID for the ID "%s", which is not decimal digits', async (id) => {
    const res = await expectRefused(id, 400, 'request.field_type')
    expect(res.body.message).toContain("'apiKeyID'")
  })

  it('answers 404 in the language of the key (ja-JP)', async () => {
    const key = await h.key({ locale: 'ja-JP' })
    const res = await h.get('/api/apikeys/424242', { secret: key.secret })
    expectStatus(res, 404)
    expect(res.body).toEqual({ code: 'apikey.not_found', message: 'API キーが存在しません。' })
  })
})
