import type { Kysely } from 'kysely'

// Frozen in time: this migration imports nothing from the app.

export async function up(db: Kysely<any>): Promise<void> {
  // JSON array of {name, limit, duration}; null for none.
  await db.schema.alterTable('api_keys').addColumn('rate_limits', 'text').execute()
  // Credits: null remaining means unlimited. The refill is in columns, not JSON, so the one
  // UPDATE that spends credits can also apply a due refill.
  await db.schema.alterTable('api_keys').addColumn('credits_remaining', 'bigint').execute()
  await db.schema.alterTable('api_keys').addColumn('credits_refill_interval', 'text').execute()
  await db.schema.alterTable('api_keys').addColumn('credits_refill_amount', 'bigint').execute()
  await db.schema.alterTable('api_keys').addColumn('credits_refill_day', 'integer').execute()
  await db.schema.alterTable('api_keys').addColumn('credits_refilled_at', 'bigint').execute()

  // Rate-limit counters shared by every process: per key, limit (name and duration) and window.
  // `count` is what processes have taken (leased), `granted` what the last lease got.
  await db.schema
    .createTable('rate_limit_windows')
    .addColumn('api_key_id', 'integer', (c) => c.notNull().references('api_keys.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('duration', 'bigint', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('granted', 'bigint', (c) => c.notNull().defaultTo(0))
    // When the row stops mattering (the end of the next window), for the sweep.
    .addColumn('expires', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_windows_pk', ['api_key_id', 'name', 'duration', 'window_start'])
    .execute()
  await db.schema.createIndex('rate_limit_windows_expires').on('rate_limit_windows').column('expires').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_windows').execute()
  for (const column of ['rate_limits', 'credits_remaining', 'credits_refill_interval', 'credits_refill_amount', 'credits_refill_day', 'credits_refilled_at']) {
    await db.schema.alterTable('api_keys').dropColumn(column).execute()
  }
}
