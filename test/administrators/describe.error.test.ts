import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: administrators describe (error)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('answers 404 "The administrator does not exist." for an ID nobody has', async () => {
    await expectRefusal(h, () => h.get('/api/administrators/424242', { secret: h.keys.fullAccess.secret }), 404, 'administrator.not_found', 'The administrator does not exist.')
  })

  it.each([
    ['abc', 'request.field_type'],
    ['0', 'request.field_too_small'],
    // A sign is not a digit: either answer names the field.
    ['-3', expect.stringMatching(/^request\.field_(type|too_small)$/)],
  ])('answers 400 naming administratorID for "%s"', async (id, code) => {
    const res = await expectRefusal(h, () => h.get(`/api/administrators/${id}`, { secret: h.keys.fullAccess.secret }), 400, code)
    expect(res.body.message).toContain("'administratorID'")
  })
})
