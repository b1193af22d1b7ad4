import { withKeptRights } from './kept-fields.js'
import type { Role } from './role.js'
import { rightsToObject } from './rights.js'
import type { RoleBody } from './schema.js'

/** The URN the model API names a role by. */
export function roleUrn(role: Role): string {
  return `urn:keyward:identity::0:role/${role.name}`
}

/** A role as the API shows it, with the model API's fields Keyward keeps but does not use. */
export function toRoleBody(role: Role): RoleBody {
  const { rights: keptRights, ...keptFields } = role.kept
  return {
    ...keptFields,
    name: role.name,
    description: role.description,
    urn: roleUrn(role),
    immutable: role.immutable,
    canOnlyManipulateUsersWithEqualOrLesserRights: role.canOnlyManipulateUsersWithEqualOrLesserRights,
    allowUserInterface: role.allowUserInterface,
    allowWebService: role.allowWebService,
    rights: withKeptRights(rightsToObject(role.rights), keptRights) as RoleBody['rights'],
    permissions: [...role.permissions],
    ID: role.id,
  }
}
