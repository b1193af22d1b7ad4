import type { Kysely } from 'kysely'

// Frozen in time: this migration imports nothing from the app.

export async function up(db: Kysely<any>): Promise<void> {
  // A JSON array of the labels operators group keys by; empty for none.
  await db.schema
    .alterTable('api_keys')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_keys').dropColumn('tags').execute()
}
