import { checkPassword } from '../administrators/password-policy.js'
import type { AdministratorStore } from '../administrators/store.js'
import { generatePassword, hashPassword } from '../auth/password-hash.js'
import type { PasswordPolicy } from '../config.js'
import { DEFAULT_LOCALE } from '../i18n/translate.js'
import { FULL_ACCESS_ROLE_ID } from '../roles/role.js'
import type { Clock } from '../time/clock.js'
import { DEFAULT_TIME_ZONE } from '../time/time-zone.js'

export const FIRST_ADMINISTRATOR = 'admin'

/**
 * On a database without administrators, creates `admin` with Full Access. The built-in roles
 * come from the first migration.
 *
 * @returns the generated password when none was given (to be shown once), else undefined;
 * `created` says whether an administrator was made.
 * @throws KeywardError `administrator.password_*` when the given password breaks the policy.
 */
export async function ensureFirstAdministrator(
  administrators: AdministratorStore,
  options: { password: string | undefined; policy: PasswordPolicy; clock: Clock },
): Promise<{ created: boolean; generatedPassword: string | undefined }> {
  if ((await administrators.count()) > 0) return { created: false, generatedPassword: undefined }
  if (options.password !== undefined) checkPassword(options.password, FIRST_ADMINISTRATOR, options.policy)
  const generatedPassword = options.password === undefined ? generatePassword() : undefined
  await administrators.insert({
    username: FIRST_ADMINISTRATOR,
    passwordHash: await hashPassword(options.password ?? generatedPassword!),
    fullName: 'Administrator',
    description: 'Created on first start.',
    roleId: FULL_ACCESS_ROLE_ID,
    locale: DEFAULT_LOCALE,
    timeZone: DEFAULT_TIME_ZONE,
    timeFormat: '24',
    emailAddress: '',
    active: true,
    passwordNeverExpires: false,
    created: options.clock(),
  })
  return { created: true, generatedPassword }
}
