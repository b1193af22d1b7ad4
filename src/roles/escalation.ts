import type { Principal } from '../auth/principal.js'
import { KeywardError } from '../errors/keyward-error.js'
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
