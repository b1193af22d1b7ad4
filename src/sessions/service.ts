import { randomBytes } from 'node:crypto'
import type { AdministratorRecord, AdministratorStore } from '../administrators/store.js'
import { auditRecord } from '../audit/audit-record.js'
import type { AuditStore } from '../audit/store.js'
import type { FailureThrottle } from '../auth/failure-throttle.js'
import { hashPassword, verifyPassword } from '../auth/password-hash.js'
import { hashSecret } from '../auth/secret-format.js'
import type { Principal } from '../auth/principal.js'
import { hashRecoveryCode, verifyTotp } from '../auth/totp.js'
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
  readonly lockoutThreshold: number
  readonly lockoutDurationMs: number
}

/**
 * Console sign-in and sessions: passwords, lock-out after repeated failures, the second
 * factor, idle and absolute timeouts. Knows no HTTP: cookies are the routes' business.
 */
export class SessionService {
  readonly #administrators: AdministratorStore
  readonly #sessions: SessionStore
  readonly #roles: RoleDirectory
  readonly #audit: AuditStore
  readonly #throttle: FailureThrottle
  readonly #clock: Clock
  readonly #options: SessionOptions
  /** Checked against when the username is unknown, so both cases take as long. */
  #decoyHash: Promise<string> | undefined

  constructor(
    deps: { administrators: AdministratorStore; sessions: SessionStore; roles: RoleDirectory; audit: AuditStore; throttle: FailureThrottle; clock: Clock },
    options: SessionOptions,
  ) {
    this.#administrators = deps.administrators
    this.#sessions = deps.sessions
    this.#roles = deps.roles
    this.#audit = deps.audit
    this.#throttle = deps.throttle
    this.#clock = deps.clock
    this.#options = options
  }

  /**
   * Signs an administrator in. A wrong username and a wrong password get the same answer in
   * about the same time; the lock-out is only told to whoever knows the password.
   *
   * @throws KeywardError `request.too_many_failures` (429), `auth.sign_in_failed`,
   * `auth.administrator_locked`, `auth.mfa_required`, `auth.mfa_invalid` (401),
   * `auth.user_interface_denied` (403).
   */
  async signIn(request: SignInRequest, client: Client): Promise<SignedIn> {
    this.#throttle.check(client.address)
    const now = this.#clock()
    const admin = await this.#administrators.findByUsername(request.username)
    if (!admin) {
      await verifyPassword(request.password, await this.#decoy())
      await this.#failed(request.username, client, undefined)
      throw new KeywardError('auth.sign_in_failed')
    }
    if (!(await verifyPassword(request.password, admin.passwordHash))) {
      await this.#failed(request.username, client, admin)
      throw new KeywardError('auth.sign_in_failed')
    }
    let active: AdministratorRecord
    let role: Role | undefined
    try {
      active = admin.active ? admin : await this.#unlockIfDue(admin, now)
      role = await this.#roles.get(active.roleId)
      if (!role?.allowUserInterface) throw new KeywardError('auth.user_interface_denied')
    } catch (error) {
      // The password was right, so this counts towards no lock-out; but it is a failed sign-in.
      await this.#audit.insert(this.#failedSignInAudit(request.username, client, admin, now))
      throw error
    }
    if (active.mfaType === 'local-totp') await this.#checkSecondFactor(active, request.mfaCode, client)

    const token = randomBytes(32).toString('base64url')
    const session: SessionRecord = {
      tokenHash: hashSecret(token),
      administratorId: active.id,
      csrfToken: randomBytes(32).toString('base64url'),
      created: now,
      lastSeen: now,
      expires: now + this.#options.maxDurationMs,
      address: client.address,
      userAgent: client.userAgent?.slice(0, 500),
    }
    const signedIn = await this.#administrators.update(active.id, { unsuccessfulSignInAttempts: 0, lastSignIn: now }, this.#signInAudit(active, client, now))
    await this.#sessions.insert(session)
    return {
      ...this.#view(signedIn ?? active, role, session.csrfToken, session.expires, now),
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
      kind: 'administrator',
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
    if (!principal.session) throw new KeywardError('administrator.current_needs_session')
    await this.#sessions.delete(principal.session.tokenHash)
    await this.#audit.insert(
      auditRecord(principal, { action: 'session.sign_out', resourceType: 'session', resourceId: principal.id, resourceName: principal.name }, this.#clock()),
    )
  }

  /**
   * The signed-in administrator, its role and session.
   *
   * @throws KeywardError `administrator.current_needs_session` for an API key.
   */
  describe(principal: Principal): SessionView {
    if (!principal.administrator || !principal.session) throw new KeywardError('administrator.current_needs_session')
    return this.#view(principal.administrator, principal.role, principal.session.csrfToken, principal.session.expires, this.#clock())
  }

  #view(administrator: AdministratorRecord, role: Role, csrfToken: string, sessionExpires: number, now: number): SessionView {
    const idleTimeout = this.#options.idleTimeoutMs
    return { administrator, role, csrfToken, expires: Math.min(sessionExpires, now + idleTimeout), idleTimeout }
  }

  /** Deletes sessions that have ended (run now and then). */
  async deleteExpired(): Promise<void> {
    await this.#sessions.deleteExpired(this.#clock(), this.#options.idleTimeoutMs)
  }

  async #checkSecondFactor(admin: AdministratorRecord, code: string | undefined, client: Client): Promise<void> {
    if (code === undefined || code.trim() === '') throw new KeywardError('auth.mfa_required')
    const typed = code.trim()
    const step = admin.totpSecret ? await verifyTotp(admin.totpSecret, typed, this.#clock()) : undefined
    const accepted =
      step !== undefined ? await this.#administrators.useTotpStep(admin.id, step) : await this.#administrators.useRecoveryCode(admin.id, hashRecoveryCode(typed))
    if (!accepted) {
      await this.#failed(admin.username, client, admin)
      throw new KeywardError('auth.mfa_invalid')
    }
  }

  /** @throws KeywardError `auth.administrator_locked` unless the lock-out time has passed. */
  async #unlockIfDue(admin: AdministratorRecord, now: number): Promise<AdministratorRecord> {
    if (admin.unlockTime === undefined || admin.unlockTime > now) throw new KeywardError('auth.administrator_locked')
    const unlocked = (await this.#administrators.unlockIfDue(admin.id, now)) ?? (await this.#administrators.findById(admin.id))
    if (!unlocked?.active) throw new KeywardError('auth.administrator_locked')
    return unlocked
  }

  /** Counts a failed sign-in against the address and, for a real administrator, against it. */
  async #failed(username: string, client: Client, admin: AdministratorRecord | undefined): Promise<void> {
    this.#throttle.recordFailure(client.address)
    const now = this.#clock()
    const anonymous = { kind: 'anonymous' as const, name: username.slice(0, 255), address: client.address }
    await this.#audit.insert(this.#failedSignInAudit(username, client, admin, now))
    if (!admin) return
    await this.#administrators.recordFailedSignIn(admin.id, this.#options.lockoutThreshold, now, now + this.#options.lockoutDurationMs, (locked) =>
      auditRecord(
        anonymous,
        {
          action: 'administrator.auto_lock',
          resourceType: 'administrator',
          resourceId: locked.id,
          resourceName: locked.username,
          changes: { active: { from: true, to: false }, unlockTime: { to: locked.unlockTime }, unsuccessfulSignInAttempts: { to: locked.unsuccessfulSignInAttempts } },
        },
        now,
      ),
    )
  }

  #failedSignInAudit(username: string, client: Client, admin: AdministratorRecord | undefined, now: number) {
    const name = username.slice(0, 255)
    return auditRecord(
      { kind: 'anonymous', name, address: client.address },
      { action: 'session.sign_in_failed', resourceType: 'session', resourceId: admin?.id, resourceName: name },
      now,
    )
  }

  #signInAudit(admin: AdministratorRecord, client: Client, now: number) {
    return auditRecord(
      { kind: 'administrator', id: admin.id, name: admin.username, address: client.address },
      { action: 'session.sign_in', resourceType: 'session', resourceId: admin.id, resourceName: admin.username },
      now,
    )
  }

  #decoy(): Promise<string> {
    this.#decoyHash ??= hashPassword(randomBytes(16).toString('hex'))
    return this.#decoyHash
  }
}
