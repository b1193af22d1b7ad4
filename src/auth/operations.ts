/**
 * The rights table: every operation of the API, per resource, with the right it needs and the
 * code it is refused with. Services guard by operation name ({@link authorize}), routes
 * document the right from here ({@link rightNote}), the equal-or-lesser rule takes its managing
 * rights from here ({@link MANAGING_RIGHTS}), and the rights-matrix and escalation tests are
 * generated from it, so a new operation cannot escape any of them.
 *
 * @module
 */
import type { ErrorCode } from '../errors/error-codes.js'
import { KeywardError } from '../errors/keyward-error.js'
import type { Right } from '../roles/rights.js'
import type { Principal } from './principal.js'

/** An operation that needs a right of the caller's role. */
export interface RuledOperation {
  readonly right: Right
  /** The 403 code a caller without the right gets. */
  readonly denied: ErrorCode & `${string}_denied`
  /**
   * Whether it writes keys, administrators or roles (what principals are and hold): its right
   * is then a managing right, which the equal-or-lesser rule guards.
   */
  readonly manages: boolean
}

/** An operation that needs no right: it acts on the caller itself, or signs in. */
export interface FreeOperation {
  readonly right: null
}

export type OperationRule = RuledOperation | FreeOperation

const FREE: FreeOperation = { right: null }

export const OPERATIONS = {
  // API keys
  createApiKey: { right: 'apikeyRights.canCreateNewApiKeys', denied: 'apikey.create_denied', manages: true },
  listApiKeys: { right: 'apikeyRights.canViewApiKeys', denied: 'apikey.view_denied', manages: false },
  searchApiKeys: { right: 'apikeyRights.canViewApiKeys', denied: 'apikey.view_denied', manages: false },
  describeApiKey: { right: 'apikeyRights.canViewApiKeys', denied: 'apikey.view_denied', manages: false },
  modifyApiKey: { right: 'apikeyRights.canEditApiKeyProperties', denied: 'apikey.modify_denied', manages: true },
  deleteApiKey: { right: 'apikeyRights.canDeleteApiKeys', denied: 'apikey.delete_denied', manages: true },
  replaceApiSecretKey: { right: 'apikeyRights.canEditApiKeyProperties', denied: 'apikey.secret_denied', manages: true },
  verifyApiKey: { right: 'apikeyRights.canVerifyApiKeys', denied: 'apikey.verify_denied', manages: false },
  streamApiKeyChanges: { right: 'apikeyRights.canVerifyApiKeys', denied: 'apikey.verify_denied', manages: false },
  describeCurrentApiKey: FREE,
  modifyCurrentApiKey: FREE,
  replaceCurrentApiSecretKey: FREE,
  // Roles
  createAdministratorRole: { right: 'administratorRoleRights.canCreateNewAdministratorRoles', denied: 'role.create_denied', manages: true },
  listAdministratorRoles: { right: 'administratorRoleRights.canViewAdministratorRoles', denied: 'role.view_denied', manages: false },
  searchAdministratorRoles: { right: 'administratorRoleRights.canViewAdministratorRoles', denied: 'role.view_denied', manages: false },
  describeAdministratorRole: { right: 'administratorRoleRights.canViewAdministratorRoles', denied: 'role.view_denied', manages: false },
  modifyAdministratorRole: { right: 'administratorRoleRights.canEditAdministratorRoleProperties', denied: 'role.modify_denied', manages: true },
  deleteAdministratorRole: { right: 'administratorRoleRights.canDeleteAdministratorRoles', denied: 'role.delete_denied', manages: true },
  // Administrators
  createAdministrator: { right: 'administratorRights.canCreateNewAdministrators', denied: 'administrator.create_denied', manages: true },
  listAdministrators: { right: 'administratorRights.canViewAdministrators', denied: 'administrator.view_denied', manages: false },
  searchAdministrators: { right: 'administratorRights.canViewAdministrators', denied: 'administrator.view_denied', manages: false },
  describeAdministrator: { right: 'administratorRights.canViewAdministrators', denied: 'administrator.view_denied', manages: false },
  modifyAdministrator: { right: 'administratorRights.canEditAdministratorProperties', denied: 'administrator.modify_denied', manages: true },
  deleteAdministrator: { right: 'administratorRights.canDeleteAdministrators', denied: 'administrator.delete_denied', manages: true },
  describeCurrentAdministrator: FREE,
  modifyCurrentAdministrator: FREE,
  startMfaEnrolment: FREE,
  activateMfa: FREE,
  deactivateMfa: FREE,
  // Audit events
  listAuditEvents: { right: 'auditEventRights.canViewAuditEvents', denied: 'audit.view_denied', manages: false },
  searchAuditEvents: { right: 'auditEventRights.canViewAuditEvents', denied: 'audit.view_denied', manages: false },
  // Console sessions
  signIn: FREE,
  describeSession: FREE,
  signOut: FREE,
} as const satisfies Record<string, OperationRule>

export type OperationId = keyof typeof OPERATIONS
export type RuledOperationId = { [K in OperationId]: (typeof OPERATIONS)[K] extends RuledOperation ? K : never }[OperationId]

/** Whether an operation needs a right. */
export function isRuled(rule: OperationRule): rule is RuledOperation {
  return rule.right !== null
}

/** The rights whose operations write keys, administrators or roles. */
export const MANAGING_RIGHTS: ReadonlySet<Right> = new Set(
  Object.values<OperationRule>(OPERATIONS)
    .filter((rule): rule is RuledOperation => isRuled(rule) && rule.manages)
    .map((rule) => rule.right),
)

/**
 * Checks that a principal's role holds the right an operation needs.
 *
 * @throws KeywardError the operation's 403 code when it does not.
 */
export function authorize(principal: Principal, operation: RuledOperationId): void {
  const { right, denied } = OPERATIONS[operation]
  if (!principal.role.rights.has(right)) throw new KeywardError(denied)
}

/** What an operation's OpenAPI description says about the right it needs (empty when none). */
export function rightNote(operation: OperationId): string {
  const rule: OperationRule = OPERATIONS[operation]
  return isRuled(rule) ? ` Needs \`${rule.right.split('.')[1]}\`.` : ''
}
