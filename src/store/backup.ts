/**
 * Backup and restore of a SQLite database, with SQLite's online backup: a consistent copy while
 * servers keep reading and writing. PostgreSQL has its own tools (`pg_dump`, `pg_restore`).
 *
 * @module
 */
import SqliteDatabase from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { engineOf, sqlitePathOf } from './database.js'
import { MIGRATIONS } from './migrations/index.js'

function refusePostgres(url: string, tool: string): void {
  if (engineOf(url) === 'postgres') {
    throw new Error(`Keyward backs up SQLite only; for PostgreSQL use ${tool} (see README, Operations: Backup and restore)`)
  }
}

/**
 * Copies the SQLite database of `url` to a new file `target`, consistently, while it is in use.
 *
 * @returns the number of pages copied.
 * @throws Error for PostgreSQL, a missing database, or a target that already exists.
 */
export async function backupDatabase(url: string, target: string): Promise<number> {
  refusePostgres(url, 'pg_dump')
  const source = sqlitePathOf(url)
  if (!existsSync(source)) throw new Error(`there is no database at ${source}`)
  if (existsSync(target)) throw new Error(`${resolve(target)} exists: back up to a new file`)
  const database = new SqliteDatabase(source, { fileMustExist: true })
  try {
    const { totalPages } = await database.backup(target)
    return totalPages
  } finally {
    database.close()
  }
}

/**
 * Replaces the SQLite database of `url` with the backup `file`, after checking that the file is
 * an intact Keyward database this version can run. Servers on that database must be stopped.
 *
 * @throws Error for PostgreSQL, or a file that is not an intact Keyward backup.
 */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  refusePostgres(url, 'pg_restore or psql')
  if (!existsSync(file)) throw new Error(`there is no backup at ${resolve(file)}`)
  let backup: SqliteDatabase.Database
  try {
    backup = new SqliteDatabase(file, { readonly: true, fileMustExist: true })
  } catch (error) {
    throw new Error(`${resolve(file)} is not a SQLite database: ${error instanceof Error ? error.message : String(error)}`)
  }
  try {
    const check = backup.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new Error(`${resolve(file)} is damaged (${String(check)})`)
    const hasMigrations = backup.prepare("select 1 from sqlite_master where type = 'table' and name = 'keyward_migrations'").get()
    if (!hasMigrations) throw new Error(`${resolve(file)} is not a Keyward database`)
    const names = backup.prepare('select name from keyward_migrations').pluck().all() as string[]
    const unknown = names.filter((name) => !(name in MIGRATIONS))
    if (unknown.length > 0) throw new Error(`${resolve(file)} was made by a newer Keyward (migrations ${unknown.join(', ')}): restore it with that version`)
    await backup.backup(sqlitePathOf(url))
  } catch (error) {
    if (error instanceof Error && (error as { code?: string }).code?.startsWith('SQLITE_')) {
      throw new Error(`${resolve(file)} is not an intact SQLite database: ${error.message}`)
    }
    throw error
  } finally {
    backup.close()
  }
}
