import type { Selectable } from 'kysely'
import type { AuditRecord } from '../audit/audit-record.js'
import { KeywardError } from '../errors/keyward-error.js'
import type { SearchableResource } from '../search/search-query.js'
import { flag, parseStoredList, parseStoredObject, toColumns, type ColumnsOf } from '../store/columns.js'
import { isForeignKeyViolation } from '../store/constraint-errors.js'
import type { Store } from '../store/store.js'
import { searchableTable } from '../store/searchable-table.js'
import type { RolesTable } from '../store/tables.js'
import type { KeptRoleFields } from './kept-fields.js'
import { parseStoredRights, serializeRights, type Right } from './rights.js'
import type { Role } from './role.js'

export interface NewRole {
  name: string
  description: string
  canOnlyManipulateUsersWithEqualOrLesserRights: boolean
  allowUserInterface: boolean
  allowWebService: boolean
  rights: ReadonlySet<Right>
  kept?: KeptRoleFields
  permissions: readonly string[]
  created: number
}

export type RoleChanges = Partial<Omit<NewRole, 'created'>>

export const ROLE_SEARCH: SearchableResource = {
  idColumn: 'id',
  fields: {
    name: { column: 'name', kind: 'string' },
    description: { column: 'description', kind: 'string' },
    immutable: { column: 'immutable', kind: 'boolean' },
    canOnlyManipulateUsersWithEqualOrLesserRights: { column: 'can_only_manipulate_equal_or_lesser', kind: 'boolean' },
    allowUserInterface: { column: 'allow_user_interface', kind: 'boolean' },
    allowWebService: { column: 'allow_web_service', kind: 'boolean' },
  },
}

function toRole(row: Selectable<RolesTable>): Role {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    immutable: row.immutable === 1,
    canOnlyManipulateUsersWithEqualOrLesserRights: row.can_only_manipulate_equal_or_lesser === 1,
    allowUserInterface: row.allow_user_interface === 1,
    allowWebService: row.allow_web_service === 1,
    rights: parseStoredRights(row.rights),
    kept: parseStoredObject<KeptRoleFields>(row.kept),
    permissions: parseStoredList(row.permissions),
    created: Number(row.created),
  }
}

const COLUMNS: ColumnsOf<Omit<RoleChanges, 'rights' | 'kept'> & { rights?: string; kept?: string }, RolesTable> = {
  name: 'name',
  description: 'description',
  canOnlyManipulateUsersWithEqualOrLesserRights: 'can_only_manipulate_equal_or_lesser',
  allowUserInterface: 'allow_user_interface',
  allowWebService: 'allow_web_service',
  rights: 'rights',
  kept: 'kept',
  permissions: 'permissions',
}

/** The SQL of roles. Every write records a change, so every process reloads its roles. */
export function createRoleStore(store: Store) {
  const { db } = store

  /** How many administrators and API keys hold a role. */
  async function countAssignments(id: number): Promise<{ administrators: number; apiKeys: number }> {
    const [admins, keys] = await Promise.all([
      db
        .selectFrom('administrators')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role_id', '=', id)
        .executeTakeFirst(),
      db
        .selectFrom('api_keys')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role_id', '=', id)
        .executeTakeFirst(),
    ])
    return { administrators: Number(admins?.n ?? 0), apiKeys: Number(keys?.n ?? 0) }
  }

  return {
    /** Every role, by ID. */
    async findAll(): Promise<Role[]> {
      const rows = await db.selectFrom('roles').selectAll().orderBy('id').execute()
      return rows.map(toRole)
    },

    async findById(id: number): Promise<Role | undefined> {
      const row = await db.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst()
      return row && toRole(row)
    },

    async findByName(name: string): Promise<Role | undefined> {
      const row = await db.selectFrom('roles').selectAll().where('name', '=', name).executeTakeFirst()
      return row && toRole(row)
    },

    ...searchableTable(store, 'roles', ROLE_SEARCH, toRole),

    /** @throws KeywardError `role.name_in_use`. */
    async insert(role: NewRole, audit?: AuditRecord): Promise<Role> {
      const row = await store.write({ audit, notify: 'role', nameInUse: { code: 'role.name_in_use', name: role.name } }, (trx) =>
        trx
          .insertInto('roles')
          .values({
            name: role.name,
            description: role.description,
            immutable: 0,
            can_only_manipulate_equal_or_lesser: flag(role.canOnlyManipulateUsersWithEqualOrLesserRights),
            allow_user_interface: flag(role.allowUserInterface),
            allow_web_service: flag(role.allowWebService),
            rights: serializeRights(role.rights),
            kept: JSON.stringify(role.kept ?? {}),
            permissions: JSON.stringify(role.permissions),
            created: role.created,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      )
      return toRole(row)
    },

    /**
     * Changes a role; its holders have the new rights at once, in every process.
     *
     * @returns the changed role, or undefined when there is none with this ID.
     * @throws KeywardError `role.name_in_use`.
     */
    async update(id: number, changes: RoleChanges, audit: AuditRecord): Promise<Role | undefined> {
      const columns = toColumns(
        { ...changes, rights: changes.rights && serializeRights(changes.rights), kept: changes.kept && JSON.stringify(changes.kept) },
        COLUMNS,
      )
      if (Object.keys(columns).length === 0) return this.findById(id)
      const row = await store.write({ audit, notify: 'role', nameInUse: { code: 'role.name_in_use', name: changes.name } }, (trx) =>
        trx.updateTable('roles').set(columns).where('id', '=', id).returningAll().executeTakeFirst(),
      )
      return row && toRole(row)
    },

    /**
     * Deletes a role that nobody holds.
     *
     * @returns the deleted role, or undefined when there was none.
     * @throws KeywardError `role.in_use` when an administrator or key holds it (even one
     * assigned a moment ago, which the foreign keys catch).
     */
    async delete(role: Role, audit: AuditRecord): Promise<Role | undefined> {
      try {
        const row = await store.write({ audit, notify: 'role' }, (trx) => trx.deleteFrom('roles').where('id', '=', role.id).returningAll().executeTakeFirst())
        return row && toRole(row)
      } catch (error) {
        if (!isForeignKeyViolation(error)) throw error
        const { administrators, apiKeys } = await countAssignments(role.id)
        const holders = administrators > 0 && apiKeys > 0 ? 'both' : administrators > 0 ? 'administrators' : 'apiKeys'
        throw new KeywardError('role.in_use', { role: role.name, administrators, apiKeys, holders }, { cause: error })
      }
    },
  }
}

export type RoleStore = ReturnType<typeof createRoleStore>
