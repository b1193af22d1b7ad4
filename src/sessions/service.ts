import { randomBytes } from 'node:crypto'
import type { AdministratorStore } from '../administrators/store.js'
import type { AdministratorRecord } from '../administrators/administrator.js'
import { auditRecord, failureReason, type SignInFailureReason } from '../audit/audit-record.js'
import type { AuditStore } from '../audit/store.js'
import { hashPassword } from '../auth/password-hash.js'
import { hashSecret } from '../auth/secret-format.js'
import type { Principal } from '../auth/principal.js'
import type { Attempt, SignInAttempts } from '../auth/sign-in-attempts.js'
import { KeywardError } from '../errors/keyward-error.js'
import type { Role } from '../roles/role.js'
import type { RoleDirectory } from '../roles/role-directory.js'
import type { Clock } from '../time/clock.js'
import type { SessionRecord, SessionStore } from './store.js'

export interface SignInRequest {
  readonly username: string
  readonly password: string
  /** A code from the authenticator app, or a recovery code, when the administrator has one. */
  readonly mfaCode?: string
}

export interface Client {
  readonly address: string
  readonly userAgent: string | undefined
}

/** What the console is told of its session. */
export interface SessionView {
  readonly administrator: AdministratorRecord
  readonly role: Role
  readonly csrfToken: string
  /** When the session ends if idle from now: its maximum, or the idle timeout, whichever is first. */
  readonly expires: number
  readonly idleTimeout: number
}

export interface SignedIn extends SessionView {
  /** The session token for the cookie: shown to the browser only, stored as a hash. */
  readonly token: string
  /** Seconds until the session's maximum duration is over: the cookie's lifetime. */
  readonly maxAgeSeconds: number
}

export interface SessionOptions {
  readonly idleTimeoutMs: number
  readonly maxDurationMs: number
}

/** The actor and resource name of a failed sign-in whose username names nobody: what was typed may be a password. */
export const UNKNOWN_USERNAME = '(unknown username)'

/**
 * Console sign-in and sessions: passwords, lock-out after repeated failures, the second
 * factor, idle and absolute timeouts. Knows no HTTP: cookies are the routes' business.
 */
export class SessionService {
  readonly #administrators: AdministratorStore
  readonly #sessions: SessionStore
  readonly #roles: RoleDirectory
  readonly #audit: AuditStore
  readonly #attempts: SignInAttempts
  readonly #clock: Clock
  readonly #options: SessionOptions
  /** Checked against when the username is unknown, so both cases take as long. */
  #decoyHash: Promise<string> | undefined

  constructor(
    deps: { administrators: AdministratorStore; sessions: SessionStore; roles: RoleDirectory; audit: AuditStore; attempts: SignInAttempts; clock: Clock },
    options: SessionOptions,
  ) {
    this.#administrators = deps.administrators
    this.#sessions = deps.sessions
    this.#roles = deps.roles
    this.#audit = deps.audit
    this.#attempts = deps.attempts
    this.#clock = deps.clock
    this.#options = options
  }

  /**
   * Signs an administrator in. A wrong username and a wrong password get the same answer in
   * about the same time. A username locked out from this address (see {@link SignInAttempts})
   * gets `auth.administrator_locked` whatever the password, and whether or not it exists; so
   * does an administrator locked by hand, before its password is looked at.
   *
   * @throws KeywardError `request.too_many_failures` (429), `server.busy` (503),
   * `auth.sign_in_failed`, `auth.administrator_locked`, `auth.administrator_locked_manually`, `auth.mfa_required`, `auth.mfa_invalid`
   * (401), `auth.user_interface_denied` (403).
   */
  async signIn(request: SignInRequest, client: Client): Promise<SignedIn> {
    const attempt = await this.#attempts.begin(request.username, client.address)
    const now = this.#clock()
    const admin = await this.#administrators.findByUsername(request.username)
    if (attempt.lockedUntil !== undefined || (admin && !admin.active)) {
      // Refused before anything was checked: audited, but no guess the administrator's count should show.
      // A lock by hand never runs out, so its holder is not told to wait.
      const manually = admin !== undefined && !admin.active
      await this.#attempts.failed(attempt, undefined, this.#failedSignInAudit(client, admin, now, manually ? 'locked_manually' : 'locked_out'))
      throw new KeywardError(manually ? 'auth.administrator_locked_manually' : 'auth.administrator_locked')
    }
    if (!admin) {
      await this.#attempts.checkPassword(request.password, await this.#decoy())
      await this.#failed(attempt, client, undefined, 'unknown_username')
      throw new KeywardError('auth.sign_in_failed')
    }
    if (!(await this.#attempts.checkPassword(request.password, admin.passwordHash))) {
      await this.#failed(attempt, client, admin, 'wrong_password')
      throw new KeywardError('auth.sign_in_failed')
    }
    const role = await this.#roles.get(admin.roleId)
    if (!role?.allowUserInterface) {
      // The password was right, so this counts towards no lock-out; but it is a failed sign-in.
      await this.#attempts.withdrawn(attempt)
      await this.#audit.insert(this.#failedSignInAudit(client, admin, now, 'console_denied'))
      throw new KeywardError('auth.user_interface_denied')
    }
    if (admin.mfaType === 'local-totp') {
      if (request.mfaCode === undefined || request.mfaCode.trim() === '') {
        await this.#attempts.withdrawn(attempt)
        throw new KeywardError('auth.mfa_required')
      }
      if (!(await this.#attempts.checkSecondFactor(admin, request.mfaCode))) {
        await this.#failed(attempt, client, admin, 'wrong_code')
        throw new KeywardError('auth.mfa_invalid')
      }
    }
    await this.#attempts.succeeded(attempt)

    const token = randomBytes(32).toString('base64url')
    const session: SessionRecord = {
      tokenHash: hashSecret(token),
      administratorId: admin.id,
      csrfToken: randomBytes(32).toString('base64url'),
      created: now,
      lastSeen: now,
      expires: now + this.#options.maxDurationMs,
      address: client.address,
      userAgent: client.userAgent?.slice(0, 500),
    }
    const signedIn = await this.#administrators.update(admin.id, { unsuccessfulSignInAttempts: 0, lastSignIn: now }, this.#signInAudit(admin, client, now), {
      startSession: session,
    })
    return {
      ...this.#view(signedIn ?? admin, role, session.csrfToken, session.expires, now),
      token,
      maxAgeSeconds: Math.ceil(this.#options.maxDurationMs / 1000),
    }
  }

  /**
   * The principal of a session token, if the session is alive (not idle too long, not past
   * its maximum, its administrator still allowed into the console).
   *
   * @throws KeywardError `auth.session_expired` (401), `auth.user_interface_denied` (403).
   */
  async authenticate(token: string, address: string | undefined): Promise<Principal> {
    const tokenHash = hashSecret(token)
    const found = await this.#sessions.findWithAdministrator(tokenHash)
    if (!found) throw new KeywardError('auth.session_expired')
    const { session, administrator } = found
    const now = this.#clock()
    if (session.expires <= now || session.lastSeen + this.#options.idleTimeoutMs <= now || !administrator.active) {
      await this.#sessions.delete(tokenHash)
      throw new KeywardError('auth.session_expired')
    }
    const role = await this.#roles.get(administrator.roleId)
    if (!role?.allowUserInterface) throw new KeywardError('auth.user_interface_denied')
    // Activity is written at most every minute (or quarter of the idle timeout): enough to
    // keep the session alive without a write per request.
    if (now - session.lastSeen >= Math.min(60_000, this.#options.idleTimeoutMs / 4)) await this.#sessions.touch(tokenHash, now)
    return {
      kind: 'session',
      id: administrator.id,
      name: administrator.username,
      role,
      locale: administrator.locale,
      timeZone: administrator.timeZone,
      address,
      administrator,
      session: { tokenHash, csrfToken: session.csrfToken, expires: session.expires },
    }
  }

  /**
   * Ends the principal's session.
   *
   * @throws KeywardError `administrator.current_needs_session` for an API key.
   */
  async signOut(principal: Principal): Promise<void> {
    if (principal.kind !== 'session') throw new KeywardError('administrator.current_needs_session')
    await this.#sessions.delete(
      principal.session.tokenHash,
      auditRecord(principal, { action: 'session.sign_out', resourceType: 'session', resourceId: principal.id, resourceName: principal.name }, this.#clock()),
    )
  }

  /**
   * The signed-in administrator, its role and session.
   *
   * @throws KeywardError `administrator.current_needs_session` for an API key.
   */
  describe(principal: Principal): SessionView {
    if (principal.kind !== 'session') throw new KeywardError('administrator.current_needs_session')
    return this.#view(principal.administrator, principal.role, principal.session.csrfToken, principal.session.expires, this.#clock())
  }

  #view(administrator: AdministratorRecord, role: Role, csrfToken: string, sessionExpires: number, now: number): SessionView {
    const idleTimeout = this.#options.idleTimeoutMs
    return { administrator, role, csrfToken, expires: Math.min(sessionExpires, now + idleTimeout), idleTimeout }
  }

  /** Deletes sessions that have ended, and failed sign-ins that no longer count (run now and then). */
  async deleteExpired(): Promise<void> {
    await this.#sessions.deleteExpired(this.#clock(), this.#options.idleTimeoutMs)
    await this.#attempts.deleteStale()
  }

  /** Counts a failed sign-in against the administrator (the attempt's reservation stays counted) and audits it. */
  async #failed(attempt: Attempt, client: Client, admin: AdministratorRecord | undefined, reason: SignInFailureReason): Promise<void> {
    await this.#attempts.failed(attempt, admin, this.#failedSignInAudit(client, admin, this.#clock(), reason))
  }

  /** What was typed as a username is recorded only when it names an administrator: otherwise it may be a password. */
  #failedSignInAudit(client: Client, admin: AdministratorRecord | undefined, now: number, reason: SignInFailureReason) {
    const name = admin?.username ?? UNKNOWN_USERNAME
    return auditRecord(
      { kind: 'anonymous', name, address: client.address },
      { action: 'session.sign_in_failed', resourceType: 'session', resourceId: admin?.id, resourceName: name, changes: failureReason(reason) },
      now,
    )
  }

  #signInAudit(admin: AdministratorRecord, client: Client, now: number) {
    return auditRecord(
      { kind: 'session', id: admin.id, name: admin.username, address: client.address },
      { action: 'session.sign_in', resourceType: 'session', resourceId: admin.id, resourceName: admin.username },
      now,
    )
  }

  #decoy(): Promise<string> {
    this.#decoyHash ??= hashPassword(randomBytes(16).toString('hex'))
    return this.#decoyHash
  }
}
