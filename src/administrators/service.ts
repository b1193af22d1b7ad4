import { auditRecord, diffFields, failureReason, type AuditDraft, type SignInFailureReason } from '../audit/audit-record.js'
import { hashPassword } from '../auth/password-hash.js'
import { authorize } from '../auth/operations.js'
import type { Principal, SessionPrincipal } from '../auth/principal.js'
import type { SignInAttempts } from '../auth/sign-in-attempts.js'
import { createRecoveryCodes, createTotpSecret, hashRecoveryCode, totpUri, verifyTotp } from '../auth/totp.js'
import type { PasswordPolicy } from '../config.js'
import { KeywardError } from '../errors/keyward-error.js'
import type { Locale } from '../i18n/translate.js'
import { assertManages, assignableRole } from '../roles/escalation.js'
import { FULL_ACCESS_ROLE_ID } from '../roles/role.js'
import type { RoleDirectory } from '../roles/role-directory.js'
import type { SearchFilter, SearchResult } from '../search/schema.js'
import type { Clock } from '../time/clock.js'
import { applyKeptAdministratorFields } from './kept-fields.js'
import { checkPassword } from './password-policy.js'
import type { AdministratorCreateInput, AdministratorCurrentModifyInput, AdministratorModifyInput } from './schema.js'
import type { AdministratorChanges, AdministratorStore, ChangeEffects } from './store.js'
import type { AdministratorRecord } from './administrator.js'

/**
 * The rules of administrators: rights, the equal-or-lesser rule, the password policy, the
 * last Full Access administrator, self-protection, and the second factor. Knows no HTTP.
 */
export class AdministratorService {
  readonly #store: AdministratorStore
  readonly #roles: RoleDirectory
  readonly #clock: Clock
  readonly #policy: PasswordPolicy
  readonly #attempts: SignInAttempts

  constructor(deps: { store: AdministratorStore; roles: RoleDirectory; clock: Clock; passwordPolicy: PasswordPolicy; attempts: SignInAttempts }) {
    this.#store = deps.store
    this.#roles = deps.roles
    this.#clock = deps.clock
    this.#policy = deps.passwordPolicy
    this.#attempts = deps.attempts
  }

  /** @throws KeywardError `administrator.view_denied`. */
  async list(principal: Principal): Promise<AdministratorRecord[]> {
    authorize(principal, 'listAdministrators')
    return this.#store.findAll()
  }

  /** @throws KeywardError `administrator.view_denied`, `search.*`. */
  async search(principal: Principal, filter: SearchFilter): Promise<SearchResult<AdministratorRecord>> {
    authorize(principal, 'searchAdministrators')
    return this.#store.search(filter)
  }

  /** @throws KeywardError `administrator.view_denied`, `administrator.not_found`. */
  async describe(principal: Principal, id: number): Promise<AdministratorRecord> {
    authorize(principal, 'describeAdministrator')
    return this.#existing(id)
  }

  /**
   * Creates an administrator. Language, time zone and time format default to the creator's.
   *
   * @throws KeywardError `administrator.create_denied`, `administrator.role_not_found`,
   * `role.rights_exceed_own`, `administrator.password_*`, `administrator.mfa_enrolment_required`,
   * `administrator.name_in_use`.
   */
  async create(principal: Principal, input: AdministratorCreateInput): Promise<AdministratorRecord> {
    authorize(principal, 'createAdministrator')
    const role = await assignableRole(this.#roles, principal, input.roleID, 'administrator.role_not_found')
    if (input.mfaType === 'local-totp') throw new KeywardError('administrator.mfa_enrolment_required')
    checkPassword(input.password, input.username, this.#policy)
    const now = this.#clock()
    const admin = {
      username: input.username,
      fullName: input.fullName ?? '',
      description: input.description ?? '',
      roleId: role.id,
      locale: input.locale ?? principal.locale,
      timeZone: input.timeZone ?? principal.timeZone,
      timeFormat: input.timeFormat ?? (principal.kind === 'session' ? principal.administrator.timeFormat : '24'),
      emailAddress: input.emailAddress ?? '',
      active: input.active ?? true,
      passwordNeverExpires: input.passwordNeverExpires ?? false,
      kept: applyKeptAdministratorFields({}, input),
    }
    const audit = auditRecord(
      principal,
      {
        action: 'administrator.create',
        resourceType: 'administrator',
        resourceName: admin.username,
        changes: diffFields({}, { ...fieldsOf(admin), password: true }, ['password']),
      },
      now,
    )
    return this.#store.insert({ ...admin, passwordHash: await hashPassword(input.password), created: now }, audit)
  }

  /**
   * Changes an administrator. A password sets a new one and ends that administrator's other
   * sessions; `active: false` locks it out (ending its sessions), `active: true` unlocks it
   * (from every address its failed sign-ins locked); `mfaType: 'none'` turns its second factor
   * off. Changing one's own password or second factor needs `currentPassword` (and `mfaCode`
   * when enrolled), whatever the route.
   *
   * @throws KeywardError `administrator.modify_denied`, `administrator.not_found`,
   * `role.rights_exceed_own`, `administrator.self_lockout`, `administrator.last_full_access`,
   * `administrator.role_not_found`, `administrator.password_*`,
   * `administrator.mfa_enrolment_required`, `administrator.name_in_use`, and those of
   * re-authentication: `administrator.current_password_invalid`, `administrator.current_mfa_invalid`,
   * `request.too_many_failures`, `server.busy`.
   */
  async modify(principal: Principal, id: number, input: AdministratorModifyInput): Promise<AdministratorRecord> {
    authorize(principal, 'modifyAdministrator')
    const existing = await this.#existing(id)
    await assertManages(this.#roles, principal, existing)
    const self = principal.kind === 'session' && principal.id === id ? principal : undefined
    if (self && (input.password !== undefined || (input.mfaType !== undefined && input.mfaType !== existing.mfaType))) {
      await this.#reauthenticate(principal, existing, input.currentPassword, input.mfaCode)
    }
    const changes: AdministratorChanges = { ...this.#profileChanges(existing, input) }
    if (input.username !== undefined && input.username !== existing.username) changes.username = input.username
    if (input.roleID !== undefined && input.roleID !== existing.roleId)
      changes.roleId = (await assignableRole(this.#roles, principal, input.roleID, 'administrator.role_not_found')).id
    if (input.passwordNeverExpires !== undefined && input.passwordNeverExpires !== existing.passwordNeverExpires) {
      changes.passwordNeverExpires = input.passwordNeverExpires
    }
    // Locking an administrator that is locked automatically makes the lock-out permanent.
    if (input.active === false && (existing.active || existing.unlockTime !== undefined)) {
      if (self) throw new KeywardError('administrator.self_lockout')
      Object.assign(changes, { active: false, unlockTime: null })
    }
    if (input.active === true) {
      if (!existing.active) Object.assign(changes, { active: true, unlockTime: null, unsuccessfulSignInAttempts: 0 })
      // Active, but failed sign-ins may have locked it out from some address: an unlock too.
      else if (existing.unsuccessfulSignInAttempts > 0) Object.assign(changes, { active: true, unsuccessfulSignInAttempts: 0 })
      await this.#attempts.unlock(existing.username)
    }
    if (input.mfaType !== undefined && input.mfaType !== existing.mfaType) {
      if (input.mfaType === 'local-totp') throw new KeywardError('administrator.mfa_enrolment_required')
      Object.assign(changes, mfaOff())
    }
    if (input.password !== undefined) Object.assign(changes, await this.#newPassword(input.password, changes.username ?? existing.username))

    const losesFullAccess =
      existing.roleId === FULL_ACCESS_ROLE_ID && ((changes.roleId ?? FULL_ACCESS_ROLE_ID) !== FULL_ACCESS_ROLE_ID || changes.active === false)
    const endsSessions = changes.active === false || changes.passwordHash !== undefined
    return this.#updated(principal, existing, changes, {
      keepFullAccess: losesFullAccess,
      endSessions: endsSessions ? { except: self?.session.tokenHash } : undefined,
    })
  }

  /**
   * Deletes an administrator and ends its sessions.
   *
   * @throws KeywardError `administrator.delete_denied`, `administrator.not_found`,
   * `administrator.self_delete`, `role.rights_exceed_own`, `administrator.last_full_access`.
   */
  async delete(principal: Principal, id: number): Promise<AdministratorRecord> {
    authorize(principal, 'deleteAdministrator')
    const existing = await this.#existing(id)
    if (principal.kind === 'session' && principal.id === id) throw new KeywardError('administrator.self_delete')
    await assertManages(this.#roles, principal, existing)
    const deleted = await this.#store.delete(
      id,
      this.#audit(principal, { action: 'administrator.delete', resourceType: 'administrator', resourceId: id, resourceName: existing.username }),
      { keepFullAccess: existing.roleId === FULL_ACCESS_ROLE_ID },
    )
    if (!deleted) throw new KeywardError('administrator.not_found')
    return deleted
  }

  /** The signed-in administrator. @throws KeywardError `administrator.current_needs_session`. */
  describeCurrent(principal: Principal): AdministratorRecord {
    return signedIn(principal).administrator
  }

  /**
   * Changes the signed-in administrator's own profile, preferences or password (which needs
   * the current password, and a code when a second factor is on). Its username, role, lock
   * state and second factor may be sent back unchanged, never changed here.
   *
   * @throws KeywardError `administrator.current_needs_session`, `administrator.current_field_denied`,
   * `administrator.current_password_invalid`, `administrator.current_mfa_invalid`,
   * `request.too_many_failures`, `server.busy`, `administrator.password_*`.
   */
  async modifyCurrent(principal: Principal, input: AdministratorCurrentModifyInput): Promise<AdministratorRecord> {
    const { administrator: current, session } = signedIn(principal)
    const fixed = { username: current.username, roleID: current.roleId, active: current.active, mfaType: current.mfaType } as const
    for (const field of Object.keys(fixed) as (keyof typeof fixed)[]) {
      if (input[field] !== undefined && input[field] !== fixed[field]) throw new KeywardError('administrator.current_field_denied', { field })
    }
    const changes: AdministratorChanges = this.#profileChanges(current, input)
    if (input.password !== undefined) {
      await this.#reauthenticate(principal, current, input.currentPassword, input.mfaCode)
      Object.assign(changes, await this.#newPassword(input.password, current.username))
    }
    return this.#updated(principal, current, changes, {
      endSessions: changes.passwordHash !== undefined ? { except: session.tokenHash } : undefined,
    })
  }

  /**
   * Starts enrolling an authenticator app for the signed-in administrator: a new secret,
   * pending until a code from the app confirms it.
   *
   * @throws KeywardError `administrator.current_needs_session`, `administrator.mfa_already_enabled`.
   */
  async startMfaEnrolment(principal: Principal): Promise<{ secret: string; uri: string }> {
    const current = signedIn(principal).administrator
    if (current.mfaType === 'local-totp') throw new KeywardError('administrator.mfa_already_enabled')
    const secret = createTotpSecret()
    await this.#store.update(current.id, { totpPendingSecret: secret }, undefined)
    return { secret, uri: totpUri(secret, current.username) }
  }

  /**
   * Turns the second factor on once a code from the app matches the pending secret; needs the
   * password, as every change of one's own second factor does.
   *
   * @returns ten recovery codes, shown this once.
   * @throws KeywardError `administrator.current_needs_session`, `administrator.mfa_not_pending`,
   * `administrator.mfa_code_invalid`, `administrator.current_password_invalid`,
   * `request.too_many_failures`, `server.busy`.
   */
  async activateMfa(principal: Principal, code: string, password: string): Promise<{ administrator: AdministratorRecord; recoveryCodes: string[] }> {
    const current = await this.#existing(signedIn(principal).id)
    if (current.mfaType === 'local-totp') throw new KeywardError('administrator.mfa_already_enabled')
    if (!current.totpPendingSecret) throw new KeywardError('administrator.mfa_not_pending')
    const step = await verifyTotp(current.totpPendingSecret, code, this.#clock())
    if (step === undefined) throw new KeywardError('administrator.mfa_code_invalid')
    await this.#reauthenticate(principal, current, password, undefined)
    const recoveryCodes = createRecoveryCodes()
    const administrator = await this.#updated(principal, current, {
      mfaType: 'local-totp',
      totpSecret: current.totpPendingSecret,
      totpPendingSecret: null,
      totpLastStep: step,
      recoveryCodeHashes: recoveryCodes.map(hashRecoveryCode),
    })
    return { administrator, recoveryCodes }
  }

  /**
   * Turns the signed-in administrator's second factor off; needs its password and a code from
   * the app (or a recovery code).
   *
   * @throws KeywardError `administrator.current_needs_session`, `administrator.current_password_invalid`,
   * `administrator.current_mfa_invalid`, `request.too_many_failures`, `server.busy`.
   */
  async deactivateMfa(principal: Principal, password: string, code: string | undefined): Promise<AdministratorRecord> {
    const current = await this.#existing(signedIn(principal).id)
    await this.#reauthenticate(principal, current, password, code)
    return this.#updated(principal, current, mfaOff())
  }

  #profileChanges(existing: AdministratorRecord, input: AdministratorModifyInput): AdministratorChanges {
    const changes: AdministratorChanges = {}
    if (input.fullName !== undefined && input.fullName !== existing.fullName) changes.fullName = input.fullName
    if (input.description !== undefined && input.description !== existing.description) changes.description = input.description
    if (input.locale !== undefined && input.locale !== existing.locale) changes.locale = input.locale as Locale
    if (input.timeZone !== undefined && input.timeZone !== existing.timeZone) changes.timeZone = input.timeZone
    if (input.timeFormat !== undefined && input.timeFormat !== existing.timeFormat) changes.timeFormat = input.timeFormat
    if (input.emailAddress !== undefined && input.emailAddress !== existing.emailAddress) changes.emailAddress = input.emailAddress
    const kept = applyKeptAdministratorFields(existing.kept, input)
    if (JSON.stringify(kept) !== JSON.stringify(existing.kept)) changes.kept = kept
    return changes
  }

  async #newPassword(password: string, username: string): Promise<AdministratorChanges> {
    checkPassword(password, username, this.#policy)
    return { passwordHash: await hashPassword(password), lastPasswordChange: this.#clock() }
  }

  /**
   * Checks that the signed-in administrator is who it says: its password, and its second
   * factor when it has one. Counted, locked out and audited like a sign-in (see
   * {@link SignInAttempts}): a stolen session cannot guess the password without limit.
   *
   * @throws KeywardError `request.too_many_failures` (429, also while this address is locked
   * out for this username), `server.busy` (503), `administrator.current_password_invalid`,
   * `administrator.current_mfa_invalid` (403).
   */
  async #reauthenticate(principal: Principal, admin: AdministratorRecord, password: string | undefined, mfaCode: string | undefined): Promise<void> {
    // Nothing sent, nothing guessed: refused without counting.
    if (password === undefined) throw new KeywardError('administrator.current_password_invalid')
    const attempt = await this.#attempts.begin(admin.username, principal.address ?? '')
    const failed = (counted: boolean, reason: SignInFailureReason) =>
      this.#attempts.failed(
        attempt,
        counted ? admin : undefined,
        this.#audit(principal, {
          action: 'session.sign_in_failed',
          resourceType: 'session',
          resourceId: admin.id,
          resourceName: admin.username,
          changes: failureReason(reason),
        }),
      )
    if (attempt.lockedUntil !== undefined) {
      await failed(false, 'locked_out')
      const seconds = Math.max(1, Math.ceil((attempt.lockedUntil - this.#clock()) / 1000))
      throw new KeywardError('request.too_many_failures', { seconds }, { retryAfterSeconds: seconds })
    }
    if (!(await this.#attempts.checkPassword(password, admin.passwordHash))) {
      await failed(true, 'wrong_password')
      throw new KeywardError('administrator.current_password_invalid')
    }
    if (admin.mfaType === 'local-totp') {
      if (mfaCode === undefined || mfaCode.trim() === '') {
        // As at sign-in, a right password with the code still to come counts as no failure.
        await this.#attempts.withdrawn(attempt)
        throw new KeywardError('administrator.current_mfa_invalid')
      }
      if (!(await this.#attempts.checkSecondFactor(admin, mfaCode))) {
        await failed(true, 'wrong_code')
        throw new KeywardError('administrator.current_mfa_invalid')
      }
    }
    await this.#attempts.succeeded(attempt)
  }

  /** Applies changes, audited as a lock, an unlock, a new password or a modification. */
  async #updated(
    principal: Principal,
    existing: AdministratorRecord,
    changes: AdministratorChanges,
    effects: ChangeEffects = {},
  ): Promise<AdministratorRecord> {
    const fields = fieldsOf(changes)
    const changedFields = Object.keys(diffFields(fieldsOf(existing), fields))
    const action =
      changes.active === false
        ? 'administrator.lock'
        : changes.active === true
          ? 'administrator.unlock'
          : changes.passwordHash !== undefined && changedFields.length === 0
            ? 'administrator.set_password'
            : changes.mfaType !== undefined
              ? `administrator.mfa_${changes.mfaType === 'none' ? 'off' : 'on'}`
              : 'administrator.modify'
    const audit = this.#audit(principal, {
      action,
      resourceType: 'administrator',
      resourceId: existing.id,
      resourceName: changes.username ?? existing.username,
      changes: diffFields(fieldsOf(existing), { ...fields, password: changes.passwordHash !== undefined ? true : undefined }, ['password']),
    })
    const updated = await this.#store.update(existing.id, changes, audit, effects)
    if (!updated) throw new KeywardError('administrator.not_found')
    return updated
  }

  async #existing(id: number): Promise<AdministratorRecord> {
    const admin = await this.#store.findById(id)
    if (!admin) throw new KeywardError('administrator.not_found')
    return admin
  }

  #audit(principal: Principal, draft: AuditDraft) {
    return auditRecord(principal, draft, this.#clock())
  }
}

function mfaOff(): AdministratorChanges {
  return { mfaType: 'none', totpSecret: null, totpPendingSecret: null, totpLastStep: null, recoveryCodeHashes: [] }
}

function signedIn(principal: Principal): SessionPrincipal {
  if (principal.kind !== 'session') throw new KeywardError('administrator.current_needs_session')
  return principal
}

/** The API names and values of an administrator's (changed) properties, for the audit log. */
function fieldsOf(admin: AdministratorChanges) {
  return {
    username: admin.username,
    fullName: admin.fullName,
    description: admin.description,
    roleID: admin.roleId,
    locale: admin.locale,
    timeZone: admin.timeZone,
    timeFormat: admin.timeFormat,
    emailAddress: admin.emailAddress,
    active: admin.active,
    unlockTime: admin.unlockTime,
    passwordNeverExpires: admin.passwordNeverExpires,
    mfaType: admin.mfaType,
    kept: admin.kept && Object.keys(admin.kept).length > 0 ? admin.kept : undefined,
  }
}
