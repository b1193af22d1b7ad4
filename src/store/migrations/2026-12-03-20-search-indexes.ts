import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: this migration imports nothing from the app.

/** The case folding of `store/text-match.ts` on PostgreSQL, as the indexed expression must spell it. */
const FOLDED_NAME = sql`translate(key_name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`

/** Sort columns of the console's key table that no index ordered by them and then by ID. */
const SORT_COLUMNS = ['role_id', 'description', 'locale', 'time_zone', 'active']

/**
 * Indexes that keep a search page of API keys cheap at a million keys: a name-prefix search
 * (SQLite's LIKE uses a NOCASE index; PostgreSQL's folded name with text_pattern_ops, which a
 * prefix LIKE can use whatever the database's collation), a contains search on PostgreSQL
 * (pg_trgm, where the server has it and this role may create it), and each sortable column
 * followed by the ID, which every search orders by last, so a page is read off an index
 * instead of sorting every key.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema.dropIndex('api_keys_role_id').execute()
  for (const column of SORT_COLUMNS) await db.schema.createIndex(`api_keys_${column}_id`).on('api_keys').columns([column, 'id']).execute()
  if (!isPostgres) {
    await sql`create index api_keys_key_name_nocase on api_keys (key_name collate nocase)`.execute(db)
    return
  }
  await sql`create index api_keys_key_name_folded on api_keys (${FOLDED_NAME} text_pattern_ops)`.execute(db)
  if (await mayUseTrigrams(db)) {
    await sql`create extension if not exists pg_trgm`.execute(db)
    await sql`create index api_keys_key_name_trigrams on api_keys using gin (${FOLDED_NAME} gin_trgm_ops)`.execute(db)
  }
}

/** Whether pg_trgm is installed here or can be: a failed CREATE EXTENSION would abort the migration. */
async function mayUseTrigrams(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`
    select exists (select 1 from pg_extension where extname = 'pg_trgm')
        or (exists (select 1 from pg_available_extensions where name = 'pg_trgm')
            and has_database_privilege(current_database(), 'CREATE')) as ok`.execute(db)
  return rows[0]?.ok === true
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['api_keys_key_name_nocase', 'api_keys_key_name_folded', 'api_keys_key_name_trigrams', ...SORT_COLUMNS.map((c) => `api_keys_${c}_id`)]) {
    await db.schema.dropIndex(index).ifExists().execute()
  }
  await db.schema.createIndex('api_keys_role_id').on('api_keys').column('role_id').execute()
}
