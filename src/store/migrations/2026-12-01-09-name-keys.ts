import type { Kysely } from 'kysely'

// Frozen in time: this migration imports nothing from the app.

/** NFKC, then case-folded: `Admin` and fullwidth `ａｄｍｉｎ` are the name `admin`. */
const nameKey = (name: string): string => name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC')

const TABLES = [
  { table: 'administrators', name: 'username', key: 'username_key' },
  { table: 'api_keys', name: 'key_name', key: 'key_name_key' },
] as const

/**
 * Usernames and key names are unique in their normalised form, enforced by a unique index, so
 * look-alikes made of case or compatibility characters cannot exist beside the name. Names
 * that already collide keep working: all but the oldest get a key no name can have (names
 * hold no line breaks), and can be renamed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const { table, name, key } of TABLES) {
    await db.schema.alterTable(table).addColumn(key, 'text').execute()
    const rows = await db.selectFrom(table).select(['id', name]).orderBy('id').execute()
    const taken = new Set<string>()
    for (const row of rows) {
      const normalised = nameKey(row[name])
      const value = taken.has(normalised) ? `${normalised}\n${row.id}` : normalised
      taken.add(normalised)
      await db
        .updateTable(table)
        .set({ [key]: value })
        .where('id', '=', row.id)
        .execute()
    }
    await db.schema.createIndex(`${table}_${key}_unique`).on(table).column(key).unique().execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { table, key } of TABLES) {
    await db.schema.dropIndex(`${table}_${key}_unique`).execute()
    await db.schema.alterTable(table).dropColumn(key).execute()
  }
}
