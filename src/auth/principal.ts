import type { AdministratorRecord } from '../administrators/administrator.js'
import type { ApiKeyRecord } from '../apikeys/api-key.js'
import type { Locale } from '../i18n/translate.js'
import type { Role } from '../roles/role.js'

/** What every principal has: who it is, its role, and how to speak to it. */
interface PrincipalBase {
  readonly id: number
  readonly name: string
  readonly role: Role
  readonly locale: Locale
  readonly timeZone: string
  /** Client address of the request, when there is one. */
  readonly address: string | undefined
}

/** An API key that authenticated the request. */
export interface ApiKeyPrincipal extends PrincipalBase {
  readonly kind: 'apikey'
  /** The authenticating API key, as cached (see `signedInAt`). */
  readonly apiKey: ApiKeyRecord
  /** When the API key authenticated this request: its `lastSignIn` from now on. */
  readonly signedInAt: number
}

/** An administrator signed in to the console, through one of its sessions. */
export interface SessionPrincipal extends PrincipalBase {
  readonly kind: 'session'
  readonly administrator: AdministratorRecord
  readonly session: { readonly tokenHash: string; readonly csrfToken: string; readonly expires: number }
}

/** Keyward itself: the CLI acting on the database directly. */
export interface SystemPrincipal extends PrincipalBase {
  readonly kind: 'system'
}

/**
 * Who is acting. Services take a principal and apply their rules to it, narrowing by `kind`
 * where a rule holds for one kind only.
 */
export type Principal = ApiKeyPrincipal | SessionPrincipal | SystemPrincipal
