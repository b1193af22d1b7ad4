import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: roles search (error)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const refused = async (body: unknown, code: string, ...mentions: string[]) => {
    const res = await expectRefusal(h, () => h.post('/api/roles/search', { secret: h.keys.fullAccess.secret, body }), 400, code)
    for (const text of mentions) expect(res.body.message, `the message mentions ${text}`).toContain(text)
  }

  it('refuses a field roles do not have, and lists the searchable ones', async () => {
    await refused({ searchCriteria: [{ fieldName: 'rights', stringValue: '%' }] }, 'search.field_unknown', "'rights'", 'name, description, immutable')
    await refused({ searchCriteria: [{ fieldName: 'urn', stringValue: '%' }] }, 'search.field_unknown', "'urn'")
    await refused({ searchCriteria: [{ fieldName: 'keyName', stringValue: '%' }] }, 'search.field_unknown', "'keyName'")
  })

  it.each([
    ['a string test on a boolean field', { fieldName: 'immutable', stringValue: 'true' }, 'immutable'],
    ['a boolean test on a string field', { fieldName: 'name', booleanTest: true }, 'name'],
    ['a numeric test on a string field', { fieldName: 'description', numericValue: 1 }, 'description'],
    ['a date test on a boolean field', { fieldName: 'allowWebService', firstDateValue: 0 }, 'allowWebService'],
  ])('refuses %s (search.test_mismatch)', async (_what, criterion, field) => {
    await refused({ searchCriteria: [criterion] }, 'search.test_mismatch', `'${field}'`)
  })

  it('refuses a criterion without a test, with two tests, or without a field name', async () => {
    await refused({ searchCriteria: [{ fieldName: 'name' }] }, 'search.test_missing', "'name'")
    await refused({ searchCriteria: [{ fieldName: 'name', stringValue: 'a', booleanTest: true }] }, 'search.test_ambiguous')
    await refused({ searchCriteria: [{ stringValue: 'a' }] }, 'search.field_missing', 'criterion 1')
  })

  it('refuses an unknown sort field and filter properties out of range', async () => {
    await refused({ sortField: 'rights' }, 'search.sort_field_unknown', "'rights'")
    await refused({ maxItems: -1 }, 'request.field_too_small', "'maxItems'")
    await refused({ searchCriteria: [{ fieldName: 'name', stringTest: 'like', stringValue: 'a' }] }, 'request.field_enum', "'searchCriteria[0].stringTest'")
    await refused({ where: 'name = 1' }, 'request.field_unknown', "'where'")
  })
})
