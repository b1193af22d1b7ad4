import type { Selectable } from 'kysely'
import type { Store } from '../store/store.js'
import type { RolesTable } from '../store/tables.js'
import { parseStoredRights, serializeRights, type Right } from './rights.js'
import type { Role } from './role.js'

export interface NewRole {
  name: string
  description: string
  canOnlyManipulateUsersWithEqualOrLesserRights: boolean
  allowUserInterface: boolean
  allowWebService: boolean
  rights: ReadonlySet<Right>
  created: number
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
    created: Number(row.created),
  }
}

/** The SQL of roles. */
export function createRoleStore(store: Store) {
  const { db } = store
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

    async insert(role: NewRole): Promise<Role> {
      return store.transaction(async (trx, changed) => {
        const row = await trx
          .insertInto('roles')
          .values({
            name: role.name,
            description: role.description,
            immutable: 0,
            can_only_manipulate_equal_or_lesser: role.canOnlyManipulateUsersWithEqualOrLesserRights ? 1 : 0,
            allow_user_interface: role.allowUserInterface ? 1 : 0,
            allow_web_service: role.allowWebService ? 1 : 0,
            rights: serializeRights(role.rights),
            created: role.created,
          })
          .returningAll()
          .executeTakeFirstOrThrow()
        changed({ resource: 'role', id: row.id })
        return toRole(row)
      })
    },
  }
}

export type RoleStore = ReturnType<typeof createRoleStore>
