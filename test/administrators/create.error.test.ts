import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: administrators create (error)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const create = (body: unknown) => () => h.post('/api/administrators', { secret: h.keys.fullAccess.secret, body })
  const valid = { username: 'newcomer', password: 'Valid-passw0rd', roleID: 2 }

  const cases: [what: string, body: unknown, code: string, field: string][] = [
    ['username is missing', { password: valid.password, roleID: 2 }, 'request.field_required', 'username'],
    ['password is missing', { username: 'a', roleID: 2 }, 'request.field_required', 'password'],
    ['roleID is missing', { username: 'a', password: valid.password }, 'request.field_required', 'roleID'],
    ['username is empty', { ...valid, username: '' }, 'request.field_too_short', 'username'],
    ['username has a space', { ...valid, username: 'jane doe' }, 'request.field_invalid', 'username'],
    ['username is 256 characters long', { ...valid, username: 'u'.repeat(256) }, 'request.field_too_long', 'username'],
    ['password is empty', { ...valid, password: '' }, 'request.field_too_short', 'password'],
    ['password is 1025 characters long', { ...valid, password: `a1${'x'.repeat(1023)}` }, 'request.field_too_long', 'password'],
    ['roleID is not a number', { ...valid, roleID: '2x' }, 'request.field_type', 'roleID'],
    ['locale is unknown', { ...valid, locale: 'fr-FR' }, 'request.field_enum', 'locale'],
    ['timeZone is not a zone', { ...valid, timeZone: 'Mars/Olympus' }, 'request.time_zone_invalid', 'timeZone'],
    ['timeFormat is 25', { ...valid, timeFormat: '25' }, 'request.field_enum', 'timeFormat'],
    ['mfaType is unknown', { ...valid, mfaType: 'sms' }, 'request.field_enum', 'mfaType'],
    ['a field is unknown', { ...valid, faxNumber: '555' }, 'request.field_unknown', 'faxNumber'],
    ['emailAddress is not an address (issue 13)', { ...valid, emailAddress: 'not-an-email' }, 'request.field_invalid', 'emailAddress'],
    ['emailAddress has a space', { ...valid, emailAddress: 'jane doe@example.com' }, 'request.field_invalid', 'emailAddress'],
  ]
  it.each(cases)('refuses a body where %s (400, naming the field)', async (_what, body, code, field) => {
    const res = await expectRefusal(h, create(body), 400, code)
    expect(res.body.message).toContain(`'${field}'`)
  })

  it.each([
    ['shorter than 8 characters', 'Ab1defg', 'administrator.password_too_short', 'The password must be at least 8 characters long.'],
    ['letters only', 'OnlyLettersHere', 'administrator.password_letters_and_numbers', 'The password must contain both letters and numbers.'],
    ['digits only', '1234567890', 'administrator.password_letters_and_numbers', 'The password must contain both letters and numbers.'],
    ['the username', 'newcomer1', 'administrator.password_same_as_username', 'The password must not be the same as the username.'],
  ])('refuses a password that is %s (400)', async (_what, password, code, message) => {
    const username = password === 'newcomer1' ? 'NewComer1' : valid.username
    await expectRefusal(h, create({ ...valid, username, password }), 400, code, message)
  })

  it('refuses a username in use (409 administrator.name_in_use)', async () => {
    await expectRefusal(h, create({ ...valid, username: 'admin' }), 409, 'administrator.name_in_use', "An administrator named 'admin' already exists.")
  })

  it('refuses a role that does not exist (400 administrator.role_not_found)', async () => {
    await expectRefusal(
      h,
      create({ ...valid, roleID: 4242 }),
      400,
      'administrator.role_not_found',
      "The field 'roleID' names a role that does not exist (4242).",
    )
  })

  it('refuses mfaType local-totp: only the administrator can enrol (400)', async () => {
    await expectRefusal(h, create({ ...valid, mfaType: 'local-totp' }), 400, 'administrator.mfa_enrolment_required')
  })
})
