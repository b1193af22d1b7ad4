/**
 * What the one-off commands share: the `--database-url` option, and opening the database so
 * that a mistyped URL or an unreachable server is reported as such.
 *
 * @module
 */
import { existsSync } from 'node:fs'
import type { Command } from 'commander'
import { loadConfig, type Config } from '../config.js'
import { KeywardContext } from '../context.js'
import { engineOf, maskPassword, sqlitePathOf } from '../store/database.js'
import { UnmigratedDatabaseError } from '../store/migrate.js'
import { Store } from '../store/store.js'
import { systemClock } from '../time/clock.js'

export interface DatabaseFlags {
  databaseUrl?: string
}

export function databaseOption(command: Command): Command {
  return command.option('--database-url <url>', 'sqlite:<file> or postgres://… (KEYWARD_DATABASE_URL, default sqlite:./data/keyward.db)')
}

/** Why a database could not be opened, with what the driver said (pg reports a refused `localhost` as an AggregateError without a message). */
function describeCause(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return [...new Set(error.errors.map(describeCause))].join('; ')
  if (!(error instanceof Error)) return String(error)
  const code = (error as { code?: unknown }).code
  const message = error.message || (typeof code === 'string' ? code : error.name)
  return error.cause !== undefined && !error.message ? describeCause(error.cause) : message
}

/**
 * Opens (and migrates) the database a configuration names, saying which database failed and why.
 * `mustExist` refuses a SQLite file that is not there, and any database Keyward never migrated
 * (an empty PostgreSQL database): only `serve` and `migrate` create one, so a mistyped
 * `--database-url` cannot make a fresh database (issue 13).
 *
 * @throws Error naming the database and the cause.
 */
export async function openStore(config: Config, options: { mustExist: boolean }): Promise<Store> {
  const url = config.databaseUrl
  if (options.mustExist && engineOf(url) === 'sqlite') {
    const path = sqlitePathOf(url)
    if (path !== ':memory:' && !existsSync(path)) {
      throw new Error(`there is no database at ${path}: check --database-url (or KEYWARD_DATABASE_URL); "keyward serve" or "keyward migrate" creates one`)
    }
  }
  const where = engineOf(url) === 'sqlite' ? sqlitePathOf(url) : maskPassword(url)
  try {
    return await Store.open(url, config, { mustBeMigrated: options.mustExist })
  } catch (error) {
    if (error instanceof UnmigratedDatabaseError) {
      throw new Error(
        `the database ${where} has no Keyward tables: check --database-url (or KEYWARD_DATABASE_URL); "keyward migrate" or "keyward serve" creates them`,
      )
    }
    throw new Error(`cannot open the database ${where}: ${describeCause(error)}`, { cause: error })
  }
}

/** Opens the database for a one-off command that needs it to exist, runs it, and closes everything. */
export async function withContext<T>(flags: DatabaseFlags, work: (context: KeywardContext) => Promise<T>, options = { mustExist: true }): Promise<T> {
  const config = loadConfig(process.env, { databaseUrl: flags.databaseUrl })
  const store = await openStore(config, options)
  try {
    return await work(new KeywardContext(config, store, systemClock))
  } finally {
    await store.close()
  }
}
