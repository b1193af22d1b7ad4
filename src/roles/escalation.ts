import type { Principal } from '../auth/principal.js'
import type { ErrorCode } from '../errors/error-codes.js'
import { KeywardError } from '../errors/keyward-error.js'
import type { RoleDirectory } from './role-directory.js'
import type { Role } from './role.js'

const MANAGING = /\.can(CreateNew|Delete|Edit)/

/**
 * Whether `target` would give more than `own` holds: a right `own` lacks, access (console or
 * web service) `own` lacks, or freedom from the equal-or-lesser rule together with a right to
 * manage something.
 */
export function roleExceeds(target: Role, own: Role): boolean {
  for (const right of target.rights) if (!own.rights.has(right)) return true
  if (target.allowUserInterface && !own.allowUserInterface) return true
  if (target.allowWebService && !own.allowWebService) return true
  if (own.canOnlyManipulateUsersWithEqualOrLesserRights && !target.canOnlyManipulateUsersWithEqualOrLesserRights) {
    return [...target.rights].some((right) => MANAGING.test(right))
  }
  return false
}

/**
 * The rule that stops privilege escalation: a principal whose role can only manipulate users
 * with equal or lesser rights may not act on, or hand out, a role that exceeds its own.
 *
 * @throws KeywardError `role.rights_exceed_own` naming the role.
 */
export function assertWithinOwnRights(principal: Principal, target: Role): void {
  if (principal.role.canOnlyManipulateUsersWithEqualOrLesserRights && roleExceeds(target, principal.role)) {
    throw new KeywardError('role.rights_exceed_own', { role: target.name })
  }
}

/**
 * The role a principal wants to give a key or an administrator, if it exists and is within
 * the principal's own rights.
 *
 * @throws KeywardError `notFound` (naming the role ID), `role.rights_exceed_own`.
 */
export async function assignableRole(roles: RoleDirectory, principal: Principal, roleId: number, notFound: ErrorCode): Promise<Role> {
  const role = await roles.get(roleId)
  if (!role) throw new KeywardError(notFound, { roleID: roleId })
  assertWithinOwnRights(principal, role)
  return role
}

/**
 * A principal may act on a key or an administrator only if its role is within the principal's
 * own rights (when the principal's role says so).
 *
 * @throws KeywardError `role.rights_exceed_own`.
 */
export async function assertManages(roles: RoleDirectory, principal: Principal, holder: { readonly roleId: number }): Promise<void> {
  const role = await roles.get(holder.roleId)
  if (role) assertWithinOwnRights(principal, role)
}
