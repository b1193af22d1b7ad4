import { afterAll, beforeAll, describe, it } from 'vitest'
import { expectStatus, Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

/** The password policy is a setting: a stricter one is enforced on every way to set a password. */
describe(`${testEngine()}: administrators password policy (a setting)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start({
      passwordPolicy: { minLength: 12, requireLettersAndNumbers: true, requireMixedCase: true, requireSpecialCharacters: true, notSameAsUsername: false },
    })
  })
  afterAll(() => h.close())

  const create = (username: string, password: string) => () =>
    h.post('/api/administrators', { secret: h.keys.fullAccess.secret, body: { username, password, roleID: 2 } })

  it.each([
    ['shorter than the configured 12 characters', 'Short-pw1!', 'administrator.password_too_short', 'The password must be at least 12 characters long.'],
    [
      'without an upper-case letter',
      'lower-case-only-1',
      'administrator.password_mixed_case',
      'The password must contain both upper-case and lower-case letters.',
    ],
    [
      'without a special character',
      'NoSpecialChars12',
      'administrator.password_special_characters',
      'The password must contain a character that is neither a letter nor a digit.',
    ],
    ['without a digit', 'No-Digits-At-All', 'administrator.password_letters_and_numbers', 'The password must contain both letters and numbers.'],
  ])('refuses a new administrator whose password is %s (400)', async (_what, password, code, message) => {
    await expectRefusal(h, create('strict', password), 400, code, message)
  })

  it('counts characters, not bytes: 11 (22 bytes) are too few, 12 are enough', async () => {
    await expectRefusal(h, create('accented', 'Éééééééé-1a'), 400, 'administrator.password_too_short')
    expectStatus(await create('accented', 'Ééééééééé-1a')(), 200)
  })

  it('accepts the username as password when notSameAsUsername is off', async () => {
    expectStatus(await create('Same-As-User-1', 'Same-As-User-1')(), 200)
  })

  it('applies the policy to a password set by another administrator and to one changed by its owner', async () => {
    const admin = await h.administrator({ password: 'Initial-Passw0rd!' })
    await expectRefusal(
      h,
      () => h.post(`/api/administrators/${admin.id}`, { secret: h.keys.fullAccess.secret, body: { password: 'weak' } }),
      400,
      'administrator.password_too_short',
    )
    const session = await h.signIn(admin.username, admin.password)
    await expectRefusal(
      h,
      () => h.post('/api/administrators/current', { session, body: { currentPassword: admin.password, password: 'lowercase-only-12!' } }),
      400,
      'administrator.password_mixed_case',
    )
  })
})
