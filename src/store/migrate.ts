import { Migrator, sql, type MigrationResult } from 'kysely'
import type { Database } from './database.js'
import { MIGRATIONS } from './migrations/index.js'

const MIGRATION_TABLE = 'keyward_migrations'

/**
 * Brings the database to the latest schema. Kysely holds a lock while it runs, so several
 * processes starting at once migrate it once.
 *
 * @returns the migrations that ran now (empty when the schema was current).
 * @throws the first migration's error, with the names of those that ran before it.
 */
export async function migrateToLatest(database: Database): Promise<MigrationResult[]> {
  await refuseNewerSchema(database)
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: 'keyward_migrations_lock',
    // Migrations land from parallel branches, each under its own name prefix: one named before
    // a migration a database already ran is independent of it, and runs next.
    allowUnorderedMigrations: true,
  })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error) {
    const done = results.filter((r) => r.status === 'Success').map((r) => r.migrationName)
    // Without a connection nothing ran: the cause is the whole story.
    if (done.length === 0 && results.every((r) => r.status === 'NotExecuted')) throw error
    throw new Error(`migration failed after [${done.join(', ')}]: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    })
  }
  return results
}

/** A database that exists but holds no Keyward schema, opened where it must not be created. */
export class UnmigratedDatabaseError extends Error {
  constructor() {
    super('the database has no Keyward tables')
    this.name = 'UnmigratedDatabaseError'
  }
}

/** Whether Keyward ever migrated this database (an empty one has no migration table). */
export async function isMigrated(database: Database): Promise<boolean> {
  const tables = await database.db.introspection.getTables()
  return tables.some((table) => table.name === MIGRATION_TABLE)
}

/**
 * A database that a newer Keyward migrated has tables and rules this version does not know:
 * writing to it could corrupt them, so it is refused (with what to do) before anything runs.
 *
 * @throws Error naming the migrations this version lacks.
 */
export async function refuseNewerSchema(database: Database): Promise<void> {
  if (!(await isMigrated(database))) return
  const { rows } = await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)}`.execute(database.db)
  const unknown = rows.map((row) => row.name).filter((name) => !(name in MIGRATIONS))
  if (unknown.length > 0) {
    throw new Error(
      `the database was upgraded by a newer Keyward (it has migrations this version lacks: ${unknown.join(', ')}). ` +
        'Run that version or a later one, or restore a backup made before the upgrade.',
    )
  }
}
