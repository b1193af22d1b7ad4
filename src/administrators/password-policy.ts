import type { PasswordPolicy } from '../config.js'
import { KeywardError } from '../errors/keyward-error.js'

/** Longer passwords only cost scrypt time; nobody types more. */
export const PASSWORD_MAX_LENGTH = 1024

/**
 * Checks a new password against the policy (a setting), rule by rule.
 *
 * @throws KeywardError naming the first rule it breaks: `administrator.password_too_short`,
 * `…_too_long`, `…_letters_and_numbers`, `…_mixed_case`, `…_special_characters`,
 * `…_same_as_username`.
 */
export function checkPassword(password: string, username: string, policy: PasswordPolicy): void {
  const length = [...password].length
  if (length < policy.minLength) throw new KeywardError('administrator.password_too_short', { min: policy.minLength })
  if (length > PASSWORD_MAX_LENGTH) throw new KeywardError('administrator.password_too_long', { max: PASSWORD_MAX_LENGTH })
  if (policy.requireLettersAndNumbers && !(/\p{L}/u.test(password) && /\p{Nd}/u.test(password))) {
    throw new KeywardError('administrator.password_letters_and_numbers')
  }
  if (policy.requireMixedCase && !(/\p{Lu}/u.test(password) && /\p{Ll}/u.test(password))) throw new KeywardError('administrator.password_mixed_case')
  if (policy.requireSpecialCharacters && !/[^\p{L}\p{Nd}]/u.test(password)) throw new KeywardError('administrator.password_special_characters')
  if (policy.notSameAsUsername && password.toLowerCase() === username.toLowerCase()) throw new KeywardError('administrator.password_same_as_username')
}
