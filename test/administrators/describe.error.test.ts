import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'
import { BAD_PATH_IDS } from '../helpers/bad-path-ids.js'

describe(`${testEngine()}: administrators describe (error)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('answers 404 "The administrator does not exist." for an ID nobody has', async () => {
    await expectRefusal(
      h,
      () => h.get('/api/administrators/424242', { secret: h.keys.fullAccess.secret }),
      404,
      'administrator.not_found',
      'The administrator does not exist.',
    )
  })

  it.each(BAD_PATH_IDS)('answers 400 naming administratorID for "%s"', async (id, code) => {
    const res = await expectRefusal(h, () => h.get(`/api/administrators/${id}`, { secret: h.keys.fullAccess.secret }), 400, code)
    expect(res.body.message).toContain("'administratorID'")
  })
})
