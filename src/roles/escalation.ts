import { MANAGING_RIGHTS } from '../auth/operations.js'
import type { Principal } from '../auth/principal.js'
import type { ErrorCode } from '../errors/error-codes.js'
import { KeywardError } from '../errors/keyward-error.js'
import { PermissionSet } from '../permissions/permission.js'
import type { RoleDirectory } from './role-directory.js'
import type { Role } from './role.js'

/**
 * Whether `target` would give more than `own` holds: a right `own` lacks, access (console or
 * web service) `own` lacks, an application permission `ownPermissions` do not grant, or
 * freedom from the equal-or-lesser rule together with a right to manage something.
 */
export function roleExceeds(target: Role, own: Role, ownPermissions: PermissionSet = new PermissionSet(own.permissions)): boolean {
  for (const right of target.rights) if (!own.rights.has(right)) return true
  if (target.permissions.some((permission) => !ownPermissions.has(permission))) return true
  if (target.allowUserInterface && !own.allowUserInterface) return true
  if (target.allowWebService && !own.allowWebService) return true
  if (own.canOnlyManipulateUsersWithEqualOrLesserRights && !target.canOnlyManipulateUsersWithEqualOrLesserRights) {
    return [...target.rights].some((right) => MANAGING_RIGHTS.has(right))
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
  if (principal.role.canOnlyManipulateUsersWithEqualOrLesserRights && roleExceeds(target, principal.role, ownPermissions(principal))) {
    throw new KeywardError('role.rights_exceed_own', { role: target.name })
  }
}

/**
 * A principal's own application permissions: its role's, and a key's direct ones.
 */
function ownPermissions(principal: Principal): PermissionSet {
  return new PermissionSet([...principal.role.permissions, ...(principal.kind === 'apikey' ? principal.apiKey.permissions : [])])
}

/**
 * The equal-or-lesser rule for the permissions a principal gives a key directly: each must be
 * granted to the principal itself.
 *
 * @throws KeywardError `permission.exceeds_own` naming the first that is not.
 */
export function assertPermissionsWithinOwn(principal: Principal, permissions: readonly string[]): void {
  if (!principal.role.canOnlyManipulateUsersWithEqualOrLesserRights) return
  const own = ownPermissions(principal)
  const beyond = permissions.find((permission) => !own.has(permission))
  if (beyond !== undefined) throw new KeywardError('permission.exceeds_own', { permission: beyond })
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
 * A principal may act on a key or an administrator only if its role (and a key's direct
 * permissions) are within the principal's own rights (when the principal's role says so).
 *
 * @throws KeywardError `role.rights_exceed_own`, `permission.exceeds_own`.
 */
export async function assertManages(
  roles: RoleDirectory,
  principal: Principal,
  holder: { readonly roleId: number; readonly permissions?: readonly string[] },
): Promise<void> {
  const role = await roles.get(holder.roleId)
  if (role) assertWithinOwnRights(principal, role)
  if (holder.permissions) assertPermissionsWithinOwn(principal, holder.permissions)
}
