import type { AdministratorRecord } from '../administrators/administrator.js'
import type { ApiKeyRecord } from '../apikeys/api-key.js'
import type { ErrorCode } from '../errors/error-codes.js'
import { KeywardError } from '../errors/keyward-error.js'
import type { Locale } from '../i18n/translate.js'
import type { Right } from '../roles/rights.js'
import type { Role } from '../roles/role.js'

/**
 * Who is acting: an API key, a signed-in administrator, or Keyward itself (the CLI acting on
 * the database directly). Services take a principal and apply their rules to it.
 */
export interface Principal {
  readonly kind: 'apikey' | 'administrator' | 'system'
  readonly id: number
  readonly name: string
  readonly role: Role
  readonly locale: Locale
  readonly timeZone: string
  /** Client address of the request, when there is one. */
  readonly address: string | undefined
  /** The authenticating API key, when `kind` is `apikey`, as cached (see `signedInAt`). */
  readonly apiKey?: ApiKeyRecord
  /** When the API key authenticated this request: its `lastSignIn` from now on. */
  readonly signedInAt?: number
  /** The signed-in administrator and its session, when `kind` is `administrator`. */
  readonly administrator?: AdministratorRecord
  readonly session?: { readonly tokenHash: string; readonly csrfToken: string; readonly expires: number }
}

/**
 * Checks that a principal's role holds a right.
 *
 * @throws KeywardError with the given 403 code when it does not.
 */
export function requireRight(principal: Principal, right: Right, denied: ErrorCode): void {
  if (!principal.role.rights.has(right)) throw new KeywardError(denied)
}
