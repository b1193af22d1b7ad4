import { Migrator, type MigrationResult } from 'kysely'
import type { Database } from './database.js'
import { MIGRATIONS } from './migrations/index.js'

/**
 * Brings the database to the latest schema. Kysely holds a lock while it runs, so several
 * processes starting at once migrate it once.
 *
 * @returns the migrations that ran now (empty when the schema was current).
 * @throws the first migration's error, with the names of those that ran before it.
 */
export async function migrateToLatest(database: Database): Promise<MigrationResult[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'keyward_migrations',
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
