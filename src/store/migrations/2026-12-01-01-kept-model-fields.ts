import type { Kysely } from 'kysely'

// Frozen in time: this migration imports nothing from the app.

/**
 * Fields of the model API's roles and administrators that Keyward accepts and keeps without
 * effect (computer scopes, rights on other products, phone numbers, …): one JSON object each.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['roles', 'administrators']) {
    await db.schema
      .alterTable(table)
      .addColumn('kept', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['roles', 'administrators']) await db.schema.alterTable(table).dropColumn('kept').execute()
}
