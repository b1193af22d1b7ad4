import { andThen } from '../maybe-promise.js'
import type { ApiKeyRecord } from '../apikeys/api-key.js'
import type { FailureThrottle } from '../auth/failure-throttle.js'
import { authorize } from '../auth/operations.js'
import type { ApiKeyPrincipal, Principal } from '../auth/principal.js'
import { KeyRefusedError, type Verifier } from '../auth/verifier.js'
import type { ErrorCode } from '../errors/error-codes.js'
import { KeywardError } from '../errors/keyward-error.js'
import { LOCALES, translateMessage, type Locale } from '../i18n/translate.js'
import { mergePermissions, PermissionSet } from '../permissions/permission.js'
import { parsePermissionQuery, satisfies, type PermissionQuery } from '../permissions/permission-query.js'
import type { RoleDirectory } from '../roles/role-directory.js'
import type { Role } from '../roles/role.js'
import type { Clock } from '../time/clock.js'
import { VERIFY_CODES, type VerifyAnswer, type VerifyCode, type VerifyRequest } from './schema.js'
import type { LimitsHook, LimitsVerdict } from './limits-hook.js'

/** How the verifier's refusals of a key whose secret was right read as verify codes. */
const REFUSALS: Partial<Record<ErrorCode, VerifyCode>> = {
  'auth.key_locked': 'LOCKED',
  'auth.key_expired': 'EXPIRED',
  'auth.web_service_denied': 'DISABLED_ROLE',
  'auth.address_not_allowed': 'IP_NOT_ALLOWED',
}

export interface VerifyServiceDependencies {
  readonly verifier: Verifier
  readonly roles: RoleDirectory
  readonly throttle: FailureThrottle
  /** Rate limits and credits (`src/limits/`). */
  readonly limits: LimitsHook
  readonly clock: Clock
  /** Told each answer's code (VALID or the refusal's), for the metrics. */
  readonly answered?: (code: string) => void
}

/** A key's effective permissions, for the role permissions they were merged with. */
interface EffectivePermissions {
  readonly rolePermissions: readonly string[]
  readonly list: string[]
  set?: PermissionSet
}

/**
 * Verifies secret keys for the operator's own services, with the verifier (and cache) that
 * authenticates Keyward's own API, so a verification of a cached key touches no database.
 *
 * The checks, in order; the first that fails gives the code:
 * 1. the query in `permissions` parses (else 400, before anything else);
 * 2. the secret is well formed, its key exists and the secret is right (NOT_FOUND; a wrong
 *    secret counts toward the key's lock-out and the end client's `address`'s failures, and
 *    once that address has failed too often it gets RATE_LIMITED instead, as on the API);
 * 3. the key is not locked out (LOCKED), 4. not expired (EXPIRED), 5. its role allows the
 *    web service (DISABLED_ROLE), 6. `address` is in its IP allow-list (IP_NOT_ALLOWED);
 * 7. its permissions satisfy the query (INSUFFICIENT_PERMISSIONS);
 * 8. its rate limits allow `cost` (RATE_LIMITED); 9. its credits cover it (USAGE_EXCEEDED).
 * A key that passes 2 to 6 has been used: its last sign-in and address are recorded. The
 * calling service's own address is never charged with its clients' failures.
 */
export class VerifyService {
  readonly #deps: VerifyServiceDependencies
  /**
   * Each cached key's effective permissions, merged once rather than per answer. A change of the
   * key gives the verifier a new record (so a new entry here), a change of the role a new role
   * whose permissions are another list; the entry goes with its record.
   */
  readonly #permissions = new WeakMap<ApiKeyRecord, EffectivePermissions>()

  constructor(deps: VerifyServiceDependencies) {
    this.#deps = deps
  }

  /**
   * The verdict on a secret key; every verdict is an answer, not an error.
   *
   * @throws KeywardError `apikey.verify_denied` without `canVerifyApiKeys`;
   * `permission.query_*` for a bad query.
   */
  verify(principal: Principal, request: VerifyRequest): VerifyAnswer | Promise<VerifyAnswer> {
    return andThen(this.#verify(principal, request), (answer) => this.#told(answer))
  }

  #told(answer: VerifyAnswer): VerifyAnswer {
    this.#deps.answered?.(answer.code)
    return answer
  }

  /** Synchronous for a cached key whose limits this process holds (no promise and no microtask on the hot path). */
  #verify(principal: Principal, request: VerifyRequest): VerifyAnswer | Promise<VerifyAnswer> {
    authorize(principal, 'verifyApiKey')
    const query = request.permissions === undefined ? undefined : parsePermissionQuery(request.permissions)
    let verified: ApiKeyPrincipal | Promise<ApiKeyPrincipal>
    try {
      verified = this.#deps.verifier.verify(request.secretKey, request.address)
    } catch (error) {
      return this.#refused(principal, request.address, error)
    }
    if (verified instanceof Promise)
      return verified.then(
        (key) => this.#verified(key, request, query),
        (error: unknown) => this.#refused(principal, request.address, error),
      )
    return this.#verified(verified, request, query)
  }

  #verified(key: ApiKeyPrincipal, request: VerifyRequest, query: PermissionQuery | undefined): VerifyAnswer | Promise<VerifyAnswer> {
    const record = key.apiKey
    const answer = this.#answer('VALID', record, key.role)
    if (query !== undefined) {
      const effective = this.#effective(record, key.role)
      effective.set ??= new PermissionSet(effective.list)
      if (!satisfies(effective.set, query)) return this.#answer('INSUFFICIENT_PERMISSIONS', record, key.role)
    }
    const usage = this.#deps.limits.consume({ key: record, cost: request.cost ?? 1, rateLimits: request.rateLimits, now: this.#deps.clock() })
    // Not a named const: tsx (how a checkout runs) gives every named closure its name with a
    // defineProperty each time one is made, ~1 µs per request here.
    return andThen(
      usage,
      (verdict: LimitsVerdict): VerifyAnswer =>
        verdict.code ? { ...this.#answer(verdict.code, record, key.role), ...verdict.fields } : { ...answer, ...verdict.fields },
    )
  }

  async #refused(principal: Principal, address: string | undefined, error: unknown): Promise<VerifyAnswer> {
    if (error instanceof KeyRefusedError && REFUSALS[error.code]) {
      return this.#answer(REFUSALS[error.code]!, error.record, await this.#deps.roles.get(error.record.roleId))
    }
    if (!(error instanceof KeywardError) || error.status !== 401) throw error
    return this.#notFound(principal, address)
  }

  /** A wrong or unknown secret; RATE_LIMITED once its address has failed too often (the API's rule). */
  #notFound(principal: Principal, address: string | undefined): VerifyAnswer {
    if (address !== undefined) {
      try {
        this.#deps.throttle.check(address)
      } catch (error) {
        if (!(error instanceof KeywardError)) throw error
        return {
          valid: false,
          code: 'RATE_LIMITED',
          message: translateMessage(`errors.${error.code}`, principal.locale, error.params),
          retryAfter: error.retryAfterSeconds,
        }
      }
      this.#deps.throttle.recordFailure(address)
    }
    return { valid: false, code: 'NOT_FOUND', message: message('NOT_FOUND', principal.locale) }
  }

  #answer(code: VerifyCode, record: ApiKeyRecord, role: Role | undefined): VerifyAnswer {
    return {
      valid: code === 'VALID',
      code,
      message: message(code, record.locale),
      keyID: record.id,
      keyName: record.keyName,
      roleID: record.roleId,
      // Shared by every answer of the key: never changed, only serialised.
      permissions: this.#effective(record, role).list,
      meta: record.meta,
      externalID: record.externalId,
      expiryDate: record.expiryDate,
    }
  }

  #effective(record: ApiKeyRecord, role: Role | undefined): EffectivePermissions {
    const rolePermissions = role?.permissions ?? NO_PERMISSIONS
    let effective = this.#permissions.get(record)
    if (effective?.rolePermissions !== rolePermissions) {
      effective = { rolePermissions, list: mergePermissions(rolePermissions, record.permissions) }
      this.#permissions.set(record, effective)
    }
    return effective
  }
}

const NO_PERMISSIONS: readonly string[] = []

/** Each code's message per language, looked up once (a catalog path built per answer cost more than the lookup). */
const MESSAGES = new Map(LOCALES.map((locale) => [locale, new Map(VERIFY_CODES.map((code) => [code, translateMessage(`verify.${code}`, locale)]))]))

function message(code: VerifyCode, locale: Locale): string {
  return MESSAGES.get(locale)?.get(code) ?? translateMessage(`verify.${code}`, locale)
}
