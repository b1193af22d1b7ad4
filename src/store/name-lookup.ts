import type { Kysely, Selectable } from 'kysely'
import { nameKey } from '../auth/name-key.js'
import type { Tables } from './tables.js'

/** The tables whose rows are found by a unique name, with the column of its normalised form. */
const NAMED = {
  api_keys: { name: 'key_name', key: 'key_name_key' },
  administrators: { name: 'username', key: 'username_key' },
} as const

/**
 * The row whose name is this one in its normalised form ({@link nameKey}). Of the rows found
 * by that form or by the exact name, the one with the exact name, else the other: names that
 * collided before names were unique in their normalised form (see migration
 * `2026-12-01-09-name-keys`) each still reach their own row.
 */
export async function findByName<Table extends keyof typeof NAMED>(
  db: Kysely<Tables>,
  table: Table,
  name: string,
): Promise<Selectable<Tables[Table]> | undefined> {
  const columns = NAMED[table]
  // Kysely cannot check a query on a table chosen by a type parameter; the return type types the rows.
  // biome-ignore lint/suspicious/noExplicitAny: see above
  const rows: Record<string, unknown>[] = await (db as Kysely<any>)
    .selectFrom(table)
    .selectAll()
    .where((eb) => eb.or([eb(columns.key, '=', nameKey(name)), eb(columns.name, '=', name)]))
    .execute()
  return (rows.find((row) => row[columns.name] === name) ?? rows[0]) as Selectable<Tables[Table]> | undefined
}
