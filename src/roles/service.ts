import { requireRight, type Principal } from '../auth/principal.js'
import { KeywardError } from '../errors/keyward-error.js'
import type { Role } from './role.js'
import type { RoleDirectory } from './role-directory.js'
import type { RoleStore } from './store.js'

/** The rules of roles. Knows no HTTP; every method takes the acting principal. */
export class RoleService {
  readonly #store: RoleStore
  readonly #directory: RoleDirectory

  constructor(deps: { store: RoleStore; directory: RoleDirectory }) {
    this.#store = deps.store
    this.#directory = deps.directory
  }

  /** @throws KeywardError `role.view_denied`. */
  async list(principal: Principal): Promise<Role[]> {
    requireRight(principal, 'administratorRoleRights.canViewAdministratorRoles', 'role.view_denied')
    return this.#store.findAll()
  }

  /** @throws KeywardError `role.view_denied`, `role.not_found`. */
  async describe(principal: Principal, id: number): Promise<Role> {
    requireRight(principal, 'administratorRoleRights.canViewAdministratorRoles', 'role.view_denied')
    const role = await this.#directory.get(id)
    if (!role) throw new KeywardError('role.not_found')
    return role
  }
}
