import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'
import { expectRefusal } from '../helpers/refusal.js'

describe(`${testEngine()}: apikeys search (error)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  /** Sends a search that must be refused with 400, and checks that nothing changed. */
  const expectRefused = async (body: unknown, code: string, ...mentions: string[]) => {
    const res = await expectRefusal(h, () => h.post('/api/apikeys/search', { secret: h.keys.fullAccess.secret, body }), 400, code)
    for (const text of mentions) expect(res.body.message, `the message mentions ${text}`).toContain(text)
    return res
  }

  it('refuses an unknown field, and lists the searchable ones', async () => {
    const res = await expectRefused({ searchCriteria: [{ fieldName: 'owner', stringValue: 'x' }] }, 'search.field_unknown', "'owner'", 'criterion 1')
    expect(res.body.message).toContain('keyName, description, locale, roleID')
  })

  it('treats field names as case-sensitive', async () => {
    await expectRefused({ searchCriteria: [{ fieldName: 'keyname', stringValue: 'x' }] }, 'search.field_unknown', "'keyname'")
    await expectRefused({ searchCriteria: [{ fieldName: 'RoleID', numericValue: 1 }] }, 'search.field_unknown', "'RoleID'")
  })

  it('refuses fields that are not searchable: the secret and extension fields', async () => {
    await expectRefused({ searchCriteria: [{ fieldName: 'secretKey', stringValue: 'kw_%' }] }, 'search.field_unknown', "'secretKey'")
    await expectRefused({ searchCriteria: [{ fieldName: 'lastSignInAddress', stringValue: '%' }] }, 'search.field_unknown', "'lastSignInAddress'")
  })

  it('numbers the criterion that is wrong', async () => {
    await expectRefused(
      {
        searchCriteria: [
          { fieldName: 'keyName', stringValue: '%' },
          { fieldName: 'roleID', numericValue: 1 },
          { fieldName: 'nope', booleanTest: true },
        ],
      },
      'search.field_unknown',
      'criterion 3',
      "'nope'",
    )
  })

  it.each([
    ['a string test on a numeric field', { fieldName: 'roleID', stringTest: 'equal', stringValue: '1' }, 'roleID'],
    ['a numeric test on a string field', { fieldName: 'keyName', numericValue: 1 }, 'keyName'],
    ['a boolean test on a date field', { fieldName: 'created', booleanTest: true }, 'created'],
    ['a date test on a boolean field', { fieldName: 'active', firstDateValue: 0 }, 'active'],
    ['a choice test on a string field', { fieldName: 'timeZone', choiceValue: 'UTC' }, 'timeZone'],
    ['a string test on the choice field locale', { fieldName: 'locale', stringValue: 'en-US' }, 'locale'],
    ['a version test on any field', { fieldName: 'keyName', versionTest: 'equal', versionValue: '1.0' }, 'keyName'],
    ['an ID test naming another field', { fieldName: 'keyName', idValue: 1 }, 'keyName'],
  ])('refuses %s (search.test_mismatch)', async (_what, criterion, field) => {
    await expectRefused({ searchCriteria: [criterion] }, 'search.test_mismatch', `'${field}'`)
  })

  it('refuses two tests in one criterion (search.test_ambiguous)', async () => {
    await expectRefused({ searchCriteria: [{ fieldName: 'roleID', numericValue: 1, stringValue: '1' }] }, 'search.test_ambiguous', 'numericTest', 'stringTest')
    await expectRefused(
      { searchCriteria: [{ fieldName: 'expiryDate', nullTest: true, firstDateValue: 0 }] },
      'search.test_ambiguous',
      'nullTest',
      'firstDateValue',
    )
    await expectRefused({ searchCriteria: [{ idValue: 1, fieldName: 'active', booleanTest: true }] }, 'search.test_ambiguous', 'idTest', 'booleanTest')
  })

  it.each([
    ['numeric', { fieldName: 'roleID', numericTest: 'equal' }, 'numericValue'],
    ['string', { fieldName: 'keyName', stringTest: 'equal' }, 'stringValue'],
    ['string (wildcards only)', { fieldName: 'keyName', stringWildcards: false }, 'stringValue'],
    ['choice', { fieldName: 'locale', choiceTest: 'equal' }, 'choiceValue'],
    ['date', { fieldName: 'created', firstDateInclusive: true }, 'firstDateValue'],
    ['ID', { idTest: 'greater-than' }, 'idValue'],
  ])('refuses a %s test without its value (search.value_missing)', async (_kind, criterion, value) => {
    await expectRefused({ searchCriteria: [criterion] }, 'search.value_missing', value)
  })

  it('refuses a criterion without a test for a field that needs one (search.test_missing)', async () => {
    await expectRefused({ searchCriteria: [{ fieldName: 'keyName' }] }, 'search.test_missing', "'keyName'")
    await expectRefused({ searchCriteria: [{ fieldName: 'created' }] }, 'search.test_missing', "'created'")
  })

  it('refuses a criterion without fieldName unless it is an ID test (search.field_missing)', async () => {
    await expectRefused({ searchCriteria: [{ stringValue: 'x' }] }, 'search.field_missing', "'fieldName'")
    await expectRefused({ searchCriteria: [{}] }, 'search.field_missing', "'fieldName'")
    await expectRefused({ searchCriteria: [{ booleanTest: true }] }, 'search.field_missing', "'fieldName'")
  })

  it.each([
    ['numericTest', { fieldName: 'roleID', numericTest: 'bigger', numericValue: 1 }],
    ['stringTest', { fieldName: 'keyName', stringTest: 'like', stringValue: 'x' }],
    ['choiceTest', { fieldName: 'locale', choiceTest: 'in', choiceValue: 'en-US' }],
    ['idTest', { idTest: 'gt', idValue: 1 }],
  ])('refuses a bad %s value (request.field_enum)', async (field, criterion) => {
    await expectRefused({ searchCriteria: [criterion] }, 'request.field_enum', `'searchCriteria[0].${field}'`)
  })

  it('refuses a choiceValue that is not a locale (request.field_enum)', async () => {
    await expectRefused(
      { searchCriteria: [{ fieldName: 'locale', choiceValue: 'fr-FR' }] },
      'request.field_enum',
      "'searchCriteria[0].choiceValue'",
      'en-US, ja-JP',
    )
  })

  it('refuses an unknown property in a criterion, and in the filter (request.field_unknown)', async () => {
    await expectRefused(
      { searchCriteria: [{ fieldName: 'roleID', numericValue: 1, numericValu: 2 }] },
      'request.field_unknown',
      "'searchCriteria[0].numericValu'",
    )
    await expectRefused({ searchCriteria: [], pageSize: 10 }, 'request.field_unknown', "'pageSize'")
  })

  it.each([
    ['maxItems is negative', { maxItems: -1 }, 'request.field_too_small', 'maxItems'],
    ['maxItems is not a number', { maxItems: '10x' }, 'request.field_type', 'maxItems'],
    ['maxItems is a fraction', { maxItems: 2.5 }, 'request.field_type', 'maxItems'],
    ['searchCriteria is an object', { searchCriteria: { fieldName: 'keyName', stringValue: 'x' } }, 'request.field_type', 'searchCriteria'],
    ['sortByObjectID is a string other than true or false', { sortByObjectID: 'yes' }, 'request.field_type', 'sortByObjectID'],
    ['stringValue is an array', { searchCriteria: [{ fieldName: 'keyName', stringValue: [5] }] }, 'request.field_type', 'searchCriteria[0].stringValue'],
    [
      'numericValue is out of range for a double',
      { searchCriteria: [{ fieldName: 'roleID', numericValue: '1e999' }] },
      'request.field_type',
      'searchCriteria[0].numericValue',
    ],
    [
      'booleanTest is a string other than true or false',
      { searchCriteria: [{ fieldName: 'active', booleanTest: 'no' }] },
      'request.field_type',
      'searchCriteria[0].booleanTest',
    ],
    [
      'firstDateValue is an ISO string',
      { searchCriteria: [{ fieldName: 'created', firstDateValue: '2026-01-01' }] },
      'request.field_type',
      'searchCriteria[0].firstDateValue',
    ],
    [
      'firstDateValue is negative',
      { searchCriteria: [{ fieldName: 'created', firstDateValue: -1 }] },
      'request.field_too_small',
      'searchCriteria[0].firstDateValue',
    ],
    ['idValue is negative', { searchCriteria: [{ idValue: -1 }] }, 'request.field_too_small', 'searchCriteria[0].idValue'],
    ['fieldName is an object', { searchCriteria: [{ fieldName: {}, numericValue: 1 }] }, 'request.field_type', 'searchCriteria[0].fieldName'],
    ['there are 51 criteria', { searchCriteria: Array.from({ length: 51 }, () => ({ idValue: 1 })) }, 'request.field_too_many_items', 'searchCriteria'],
  ])('refuses a filter where %s', async (_what, body, code, field) => {
    await expectRefused(body, code, `'${field}'`)
  })

  it('refuses a body that is not a filter object', async () => {
    await expectRefused('[]', 'request.field_type', "'body'")
    await expectRefused('"keyName"', 'request.field_type', "'body'")
    await expectRefused('{"searchCriteria": [', 'request.body_invalid_json')
  })
})
