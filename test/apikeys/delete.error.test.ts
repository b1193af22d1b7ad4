import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'
import { BAD_PATH_IDS } from '../helpers/bad-path-ids.js'
import { expectRefusal } from '../helpers/refusal.js'

describe(`${testEngine()}: apikeys delete (error)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const expectRefused = async (id: string, status: number, code: string) => {
    return expectRefusal(h, () => h.delete(`/api/apikeys/${id}`, { secret: h.keys.fullAccess.secret }), status, code)
  }

  it('answers 404 "The API key does not exist." for an ID no key has', async () => {
    const res = await expectRefused('424242', 404, 'apikey.not_found')
    expect(res.body.message).toBe('The API key does not exist.')
  })

  it.each(BAD_PATH_IDS)('answers 400 naming apiKeyID for the ID "%s"', async (id, code) => {
    const res = await expectRefused(id, 400, code)
    expect(res.body.message).toContain("'apiKeyID'")
  })

  it('answers 400 naming apiKeyID for an empty ID (DELETE /apikeys/), deleting nothing', async () => {
    const res = await expectRefused('', 400, 'request.field_type')
    expect(res.body.message).toContain("'apiKeyID'")
  })

  it('answers 404 to DELETE /apikeys: there is no bulk delete', async () => {
    const before = await h.snapshot()
    const res = await h.delete('/api/apikeys', { secret: h.keys.fullAccess.secret })
    expectStatus(res, 404)
    expect(res.body).toEqual({ code: 'request.route_not_found', message: 'There is no DELETE /api/apikeys.' })
    expect(await h.snapshot()).toEqual(before)
  })

  it('does not treat "current" as an ID', async () => {
    const res = await expectRefused('current', 400, 'request.field_type')
    expect(res.body.message).toContain("'apiKeyID'")
  })
})
