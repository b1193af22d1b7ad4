import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: apikeys delete (error)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const expectRefused = async (id: string, status: number, code: string) => {
    const before = await h.snapshot()
    const res = await h.delete(`/api/apikeys/${id}`, { secret: h.keys.fullAccess.secret })
    expectStatus(res, status)
    expect(res.body, res.text).toEqual({ code, message: expect.any(String) })
    expect(await h.snapshot(), 'nothing may change').toEqual(before)
    return res
  }

  it('answers 404 "The API key does not exist." for an ID no key has', async () => {
    const res = await expectRefused('424242', 404, 'apikey.not_found')
    expect(res.body.message).toBe('The API key does not exist.')
  })

  it.each([
    ['abc', 'request.field_type'],
    ['0', 'request.field_too_small'],
    ['-1', 'request.field_too_small'],
    ['1.5', 'request.field_type'],
    ['99999999999', 'request.field_too_large'],
  ])('answers 400 naming apiKeyID for the ID "%s"', async (id, code) => {
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
