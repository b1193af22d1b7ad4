import { auditRecord, diffFields, type AuditDraft } from '../audit/audit-record.js'
import { authorize } from '../auth/operations.js'
import type { Principal } from '../auth/principal.js'
import { KeywardError } from '../errors/keyward-error.js'
import { mergePermissions, samePermissions } from '../permissions/permission.js'
import type { SearchFilter, SearchResult } from '../search/schema.js'
import type { Clock } from '../time/clock.js'
import { assertWithinOwnRights } from './escalation.js'
import { applyKeptFields } from './kept-fields.js'
import { ALL_RIGHTS, applyRightsObject, type RightsObject } from './rights.js'
import type { Role } from './role.js'
import type { RoleDirectory } from './role-directory.js'
import type { RoleCreateInput, RoleModifyInput } from './schema.js'
import type { RoleChanges, RoleStore } from './store.js'

/** The rules of roles. Knows no HTTP; every method takes the acting principal. */
export class RoleService {
  readonly #store: RoleStore
  readonly #directory: RoleDirectory
  readonly #clock: Clock

  constructor(deps: { store: RoleStore; directory: RoleDirectory; clock: Clock }) {
    this.#store = deps.store
    this.#directory = deps.directory
    this.#clock = deps.clock
  }

  /** @throws KeywardError `role.view_denied`. */
  async list(principal: Principal): Promise<Role[]> {
    authorize(principal, 'listAdministratorRoles')
    return this.#store.findAll()
  }

  /** @throws KeywardError `role.view_denied`, `search.*`. */
  async search(principal: Principal, filter: SearchFilter): Promise<SearchResult<Role>> {
    authorize(principal, 'searchAdministratorRoles')
    return this.#store.search(filter)
  }

  /** @throws KeywardError `role.view_denied`, `role.not_found`. */
  async describe(principal: Principal, id: number): Promise<Role> {
    authorize(principal, 'describeAdministratorRole')
    return this.#existing(id)
  }

  /**
   * Creates a custom role. A principal bound by the equal-or-lesser rule cannot create one
   * with more than it holds.
   *
   * @throws KeywardError `role.create_denied`, `role.rights_exceed_own`, `role.name_in_use`.
   */
  async create(principal: Principal, input: RoleCreateInput): Promise<Role> {
    authorize(principal, 'createAdministratorRole')
    const now = this.#clock()
    const role = {
      name: nameOf(input.name),
      description: input.description ?? '',
      // Secure by default: a role handing out a managing right must not also hand out escalation.
      canOnlyManipulateUsersWithEqualOrLesserRights: input.canOnlyManipulateUsersWithEqualOrLesserRights ?? true,
      allowUserInterface: input.allowUserInterface ?? true,
      allowWebService: input.allowWebService ?? false,
      rights: applyRightsObject(new Set(), (input.rights ?? {}) as RightsObject),
      kept: applyKeptFields({}, input),
      permissions: mergePermissions(input.permissions ?? []),
      created: now,
    }
    assertWithinOwnRights(principal, { ...role, id: 0, immutable: false })
    const audit = auditRecord(
      principal,
      { action: 'role.create', resourceType: 'role', resourceName: role.name, changes: diffFields({ permissions: [] }, fieldsOf(role)) },
      now,
    )
    return this.#store.insert(role, audit)
  }

  /**
   * Changes a role; its holders get the new rights at once. The built-in roles cannot change.
   *
   * @throws KeywardError `role.modify_denied`, `role.not_found`, `role.immutable`,
   * `role.rights_exceed_own`, `role.name_in_use`.
   */
  async modify(principal: Principal, id: number, input: RoleModifyInput): Promise<Role> {
    authorize(principal, 'modifyAdministratorRole')
    const existing = await this.#existing(id)
    if (existing.immutable) throw new KeywardError('role.immutable', { role: existing.name })
    assertWithinOwnRights(principal, existing)
    const changes: RoleChanges = {}
    if (input.name !== undefined && nameOf(input.name) !== existing.name) changes.name = nameOf(input.name)
    if (input.description !== undefined && input.description !== existing.description) changes.description = input.description
    for (const flag of ['canOnlyManipulateUsersWithEqualOrLesserRights', 'allowUserInterface', 'allowWebService'] as const) {
      if (input[flag] !== undefined && input[flag] !== existing[flag]) changes[flag] = input[flag]
    }
    if (input.rights !== undefined) {
      const rights = applyRightsObject(existing.rights, input.rights as RightsObject)
      if (rights.size !== existing.rights.size || [...rights].some((r) => !existing.rights.has(r))) changes.rights = rights
    }
    const kept = applyKeptFields(existing.kept, input)
    if (JSON.stringify(kept) !== JSON.stringify(existing.kept)) changes.kept = kept
    if (input.permissions !== undefined && !samePermissions(mergePermissions(input.permissions), existing.permissions))
      changes.permissions = mergePermissions(input.permissions)
    assertWithinOwnRights(principal, { ...existing, ...changes })
    const updated = await this.#store.update(
      id,
      changes,
      this.#audit(principal, {
        action: 'role.modify',
        resourceType: 'role',
        resourceId: id,
        resourceName: changes.name ?? existing.name,
        changes: diffFields(fieldsOf(existing), fieldsOf(changes)),
      }),
    )
    if (!updated) throw new KeywardError('role.not_found')
    return updated
  }

  /**
   * Deletes a role that no administrator or API key holds. The built-in roles cannot be deleted.
   *
   * @throws KeywardError `role.delete_denied`, `role.not_found`, `role.immutable`,
   * `role.rights_exceed_own`, `role.in_use`.
   */
  async delete(principal: Principal, id: number): Promise<Role> {
    authorize(principal, 'deleteAdministratorRole')
    const existing = await this.#existing(id)
    if (existing.immutable) throw new KeywardError('role.immutable', { role: existing.name })
    assertWithinOwnRights(principal, existing)
    const deleted = await this.#store.delete(
      existing,
      this.#audit(principal, { action: 'role.delete', resourceType: 'role', resourceId: id, resourceName: existing.name }),
    )
    if (!deleted) throw new KeywardError('role.not_found')
    return deleted
  }

  async #existing(id: number): Promise<Role> {
    const role = await this.#directory.get(id)
    if (!role) throw new KeywardError('role.not_found')
    return role
  }

  #audit(principal: Principal, draft: AuditDraft) {
    return auditRecord(principal, draft, this.#clock())
  }
}

function nameOf(name: string): string {
  const trimmed = name.trim()
  if (trimmed === '') throw new KeywardError('request.field_too_short', { field: 'name', limit: 1 })
  return trimmed
}

/** A role's (changed) properties by API name, rights as a sorted list, for the audit log. */
function fieldsOf(role: RoleChanges) {
  return {
    name: role.name,
    description: role.description,
    canOnlyManipulateUsersWithEqualOrLesserRights: role.canOnlyManipulateUsersWithEqualOrLesserRights,
    allowUserInterface: role.allowUserInterface,
    allowWebService: role.allowWebService,
    rights: role.rights && ALL_RIGHTS.filter((right) => role.rights!.has(right)),
    kept: role.kept && Object.keys(role.kept).length > 0 ? role.kept : undefined,
    permissions: role.permissions,
  }
}
