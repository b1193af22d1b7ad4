import { PostgresAdapter, type Kysely } from 'kysely'

// Frozen in time: this migration imports nothing from the app, so later changes to the app
// cannot change what it did.

const AUDITOR_RIGHTS = ['apikeyRights.canViewApiKeys', 'administratorRights.canViewAdministrators', 'administratorRoleRights.canViewAdministratorRoles']
const ALL_RIGHTS = [
  'apikeyRights.canCreateNewApiKeys',
  'apikeyRights.canDeleteApiKeys',
  'apikeyRights.canEditApiKeyProperties',
  'apikeyRights.canViewApiKeys',
  'administratorRights.canCreateNewAdministrators',
  'administratorRights.canDeleteAdministrators',
  'administratorRights.canEditAdministratorProperties',
  'administratorRights.canViewAdministrators',
  'administratorRoleRights.canCreateNewAdministratorRoles',
  'administratorRoleRights.canDeleteAdministratorRoles',
  'administratorRoleRights.canEditAdministratorRoleProperties',
  'administratorRoleRights.canViewAdministratorRoles',
]

export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter
  const id = isPostgres ? ('serial' as const) : ('integer' as const)
  const primaryKey = (c: any) => (isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement())
  const now = Date.now()

  await db.schema
    .createTable('roles')
    .addColumn('id', id, primaryKey)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('immutable', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('can_only_manipulate_equal_or_lesser', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('allow_user_interface', 'smallint', (c) => c.notNull().defaultTo(1))
    .addColumn('allow_web_service', 'smallint', (c) => c.notNull().defaultTo(1))
    .addColumn('rights', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created', 'bigint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('administrators')
    .addColumn('id', id, primaryKey)
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('role_id', 'integer', (c) => c.notNull().references('roles.id').onDelete('restrict'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('time_format', 'text', (c) => c.notNull().defaultTo('24'))
    .addColumn('active', 'smallint', (c) => c.notNull().defaultTo(1))
    .addColumn('email_address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created', 'bigint', (c) => c.notNull())
    .addColumn('last_sign_in', 'bigint')
    .addColumn('last_password_change', 'bigint')
    .addColumn('unlock_time', 'bigint')
    .addColumn('unsuccessful_sign_in_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('password_never_expires', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('mfa_type', 'text', (c) => c.notNull().defaultTo('none'))
    .execute()

  await db.schema
    .createTable('api_keys')
    .addColumn('id', id, primaryKey)
    .addColumn('key_name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('role_id', 'integer', (c) => c.notNull().references('roles.id').onDelete('restrict'))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('active', 'smallint', (c) => c.notNull().defaultTo(1))
    .addColumn('created', 'bigint', (c) => c.notNull())
    .addColumn('last_sign_in', 'bigint')
    .addColumn('last_sign_in_address', 'text')
    .addColumn('unlock_time', 'bigint')
    .addColumn('unsuccessful_sign_in_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expiry_date', 'bigint')
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('service_account', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by_administrator_id', 'integer')
    .addColumn('created_by_api_key_id', 'integer')
    .execute()
  // Sort columns of the console's key table, and the "is this role in use" check.
  await db.schema.createIndex('api_keys_role_id').on('api_keys').column('role_id').execute()
  await db.schema.createIndex('api_keys_created').on('api_keys').column('created').execute()
  await db.schema.createIndex('api_keys_last_sign_in').on('api_keys').column('last_sign_in').execute()
  await db.schema.createIndex('api_keys_expiry_date').on('api_keys').column('expiry_date').execute()
  await db.schema.createIndex('administrators_role_id').on('administrators').column('role_id').execute()

  await db.schema
    .createTable('changes')
    .addColumn('seq', id, primaryKey)
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created', 'bigint', (c) => c.notNull())
    .execute()

  // Built-in roles, inserted in this order so that they get IDs 1 and 2 on both engines.
  await db
    .insertInto('roles')
    .values({
      name: 'Full Access',
      description: 'Read and write access to everything.',
      immutable: 1,
      can_only_manipulate_equal_or_lesser: 0,
      allow_user_interface: 1,
      allow_web_service: 1,
      rights: JSON.stringify(ALL_RIGHTS),
      created: now,
    })
    .execute()
  await db
    .insertInto('roles')
    .values({
      name: 'Auditor',
      description: 'Read-only access to everything.',
      immutable: 0,
      can_only_manipulate_equal_or_lesser: 0,
      allow_user_interface: 1,
      allow_web_service: 1,
      rights: JSON.stringify(AUDITOR_RIGHTS),
      created: now,
    })
    .execute()
  const ids = await db.selectFrom('roles').select(['id', 'name']).orderBy('id').execute()
  if (ids[0]?.id !== 1 || ids[1]?.id !== 2) {
    throw new Error(`built-in roles got IDs ${ids.map((r) => r.id).join(', ')} instead of 1, 2: the database was not empty`)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['changes', 'api_keys', 'administrators', 'roles']) await db.schema.dropTable(table).execute()
}
