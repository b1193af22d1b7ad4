/**
 * Issue 9, finding 6 (search): a `fieldName` or `sortField` naming a property every object
 * inherits (`__proto__`, `constructor`, `toString`, …) answered 500 on all four search routes.
 * Fields are looked up among a resource's own fields only, so they answer 400 like any other
 * unknown name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

const ROUTES = ['/api/apikeys/search', '/api/roles/search', '/api/administrators/search', '/api/auditevents/search']
const INHERITED = Object.getOwnPropertyNames(Object.prototype)

describe(`${testEngine()}: search field names that objects inherit`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const search = (route: string, body: unknown) => () => h.post(route, { secret: h.keys.fullAccess.secret, body })

  it('covers every property of Object.prototype', () => {
    expect(INHERITED).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']))
  })

  describe.each(ROUTES)('%s', (route) => {
    it.each(INHERITED)('answers 400 search.field_unknown for the fieldName "%s", with every kind of test', async (name) => {
      for (const test of [
        {},
        { stringValue: 'x' },
        { numericValue: 1 },
        { booleanTest: true },
        { choiceValue: 'x' },
        { firstDateValue: 0 },
        { nullTest: true },
        { idTest: 'equal', idValue: 1 },
      ]) {
        const res = await expectRefusal(h, search(route, { searchCriteria: [{ fieldName: name, ...test }] }), 400, 'search.field_unknown')
        expect(res.body.message, res.text).toContain(`'${name}'`)
      }
    })

    it.each(INHERITED)('answers 400 search.sort_field_unknown for the sortField "%s", counted or not', async (name) => {
      for (const countTotal of [false, true]) {
        const res = await expectRefusal(h, search(route, { sortField: name, countTotal }), 400, 'search.sort_field_unknown')
        expect(res.body.message, res.text).toContain(`'${name}'`)
      }
    })
  })
})
