import type { AdministratorStore } from '../administrators/store.js'
import type { AdministratorRecord } from '../administrators/administrator.js'
import type { AuditRecord } from '../audit/audit-record.js'
import type { AuditStore } from '../audit/store.js'
import type { Clock } from '../time/clock.js'
import type { FailureThrottle } from './failure-throttle.js'
import { nameKey } from './name-key.js'
import type { PasswordChecks } from './password-checks.js'
import type { SignInFailureStore } from './sign-in-failure-store.js'
import { hashRecoveryCode, verifyTotp } from './totp.js'

/** One password attempt, reserved: for a username (as typed, normalised) from an address. */
export interface Attempt {
  readonly username: string
  readonly address: string
  /** When the pair is locked out and this attempt refused, until when; else undefined. */
  readonly lockedUntil: number | undefined
  /** Whether this attempt, if it fails, is the one that locks the pair out (the `threshold`-th). */
  readonly locksOut: boolean
}

export interface AttemptDependencies {
  readonly failures: SignInFailureStore
  readonly administrators: AdministratorStore
  readonly audit: AuditStore
  readonly throttle: FailureThrottle
  readonly passwords: PasswordChecks
  readonly clock: Clock
  /** Told of each lock-out of a pair, once. */
  readonly lockedOut: () => void
}

export interface AttemptOptions {
  /** Failed attempts of one username from one address that lock that pair out. */
  readonly threshold: number
  /** How long that lasts; failures older than this are forgotten too. */
  readonly durationMs: number
}

/**
 * Password and second-factor checks that a client can repeat (sign-in, re-authentication),
 * counted so that guessing stays bounded:
 *
 * - every attempt is counted as a failure *before* it is checked, per address (in memory)
 *   and per username-and-address (in the database, atomically), and taken back if it
 *   succeeds: no number of parallel attempts gets more checks than the limits;
 * - the `threshold`-th failure of one username from one address locks that pair out for
 *   `durationMs`, whether the username exists or not; other addresses are not affected, so
 *   nobody can lock the real owner out from elsewhere;
 * - scrypt runs through a bounded queue ({@link PasswordChecks}).
 */
export class SignInAttempts {
  readonly #deps: AttemptDependencies
  readonly #options: AttemptOptions

  constructor(deps: AttemptDependencies, options: AttemptOptions) {
    this.#deps = deps
    this.#options = options
  }

  /**
   * Reserves an attempt. A locked-out pair still gets an attempt back, with `lockedUntil`:
   * the caller refuses it without checking anything, the same way for any password.
   *
   * @throws KeywardError `request.too_many_failures` (429) when the address failed too often.
   */
  async begin(username: string, address: string): Promise<Attempt> {
    this.#deps.throttle.reserve(address)
    const key = nameKey(username)
    const { threshold, durationMs } = this.#options
    const now = this.#deps.clock()
    try {
      const reservation = await this.#deps.failures.reserve(key, address, threshold, now, now + durationMs, durationMs)
      // Each reservation counts one more failure atomically, so exactly one of them, even among
      // concurrent ones, sees the count that locks the pair.
      return {
        username: key,
        address,
        lockedUntil: reservation.failures > threshold ? reservation.lockedUntil : undefined,
        locksOut: reservation.failures === threshold,
      }
    } catch (error) {
      this.#deps.throttle.release(address)
      throw error
    }
  }

  /** @throws KeywardError `server.busy` (503) when too many checks are waiting. */
  checkPassword(password: string, storedHash: string): Promise<boolean> {
    return this.#deps.passwords.verify(password, storedHash)
  }

  /** Whether a code from the authenticator app, or an unused recovery code, is right; uses it up. */
  async checkSecondFactor(admin: AdministratorRecord, code: string | undefined): Promise<boolean> {
    const typed = code?.trim() ?? ''
    if (typed === '') return false
    const step = admin.totpSecret ? await verifyTotp(admin.totpSecret, typed, this.#deps.clock()) : undefined
    return step !== undefined
      ? this.#deps.administrators.useTotpStep(admin.id, step)
      : this.#deps.administrators.useRecoveryCode(admin.id, hashRecoveryCode(typed))
  }

  /** Records a failure: the reservation stays counted (a lock-out it makes is reported); the administrator's count (if given) grows; audited. */
  async failed(attempt: Attempt, admin: AdministratorRecord | undefined, audit: AuditRecord): Promise<void> {
    if (attempt.locksOut) this.#deps.lockedOut()
    if (admin) await this.#deps.administrators.countFailedSignIn(admin.id, audit)
    else await this.#deps.audit.insert(audit)
  }

  /** The attempt succeeded: the pair's failures are forgotten and the address's reservation taken back. */
  async succeeded(attempt: Attempt): Promise<void> {
    this.#deps.throttle.release(attempt.address)
    await this.#deps.failures.clear(attempt.username, attempt.address)
  }

  /** The attempt proved nothing either way (the second factor is still to come): taken back. */
  async withdrawn(attempt: Attempt): Promise<void> {
    this.#deps.throttle.release(attempt.address)
    await this.#deps.failures.release(attempt.username, attempt.address, this.#options.threshold)
  }

  /** Ends every lock-out of a username, from every address (an administrator unlocked it). */
  async unlock(username: string): Promise<void> {
    await this.#deps.failures.clearUsername(nameKey(username))
  }

  /** Forgets what no longer counts (run now and then). */
  async deleteStale(): Promise<void> {
    await this.#deps.failures.deleteStale(this.#deps.clock(), this.#options.durationMs)
  }
}
