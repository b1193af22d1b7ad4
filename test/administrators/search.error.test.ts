import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: administrators search (error)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const refused = async (body: unknown, code: string, ...mentions: string[]) => {
    const res = await expectRefusal(h, () => h.post('/api/administrators/search', { secret: h.keys.fullAccess.secret, body }), 400, code)
    for (const text of mentions) expect(res.body.message, `the message mentions ${text}`).toContain(text)
  }

  it('refuses fields that are secret or not searchable: password, passwordHash, totpSecret', async () => {
    for (const field of ['password', 'passwordHash', 'password_hash', 'totpSecret', 'recoveryCodes']) {
      await refused({ searchCriteria: [{ fieldName: field, stringValue: '%' }] }, 'search.field_unknown', `'${field}'`, 'username, fullName')
    }
  })

  it.each([
    ['a string test on roleID', { fieldName: 'roleID', stringValue: '1' }, 'roleID'],
    ['a numeric test on username', { fieldName: 'username', numericValue: 1 }, 'username'],
    ['a string test on the choice field mfaType', { fieldName: 'mfaType', stringValue: 'none' }, 'mfaType'],
    ['a boolean test on lastSignIn', { fieldName: 'lastSignIn', booleanTest: true }, 'lastSignIn'],
  ])('refuses %s (search.test_mismatch)', async (_what, criterion, field) => {
    await refused({ searchCriteria: [criterion] }, 'search.test_mismatch', `'${field}'`)
  })

  it('refuses a criterion without a test and an unknown sort field', async () => {
    await refused({ searchCriteria: [{ fieldName: 'username' }] }, 'search.test_missing', "'username'")
    await refused({ sortField: 'password' }, 'search.sort_field_unknown', "'password'")
  })
})
