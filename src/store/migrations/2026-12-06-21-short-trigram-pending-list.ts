import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: this migration imports nothing from the app.

/**
 * A short pending list for the key names' trigram index on PostgreSQL (256 kB, the default is
 * 4 MB). GIN adds the entries of a written row to a pending list, merged into the index only
 * when the list outgrows this limit (or by VACUUM), and every search through the index reads
 * the whole list. Every write of a key writes its trigrams again, the batched last-sign-in
 * times included, so at a million keys a few thousand keys in use doubled the index's part
 * of a `contains` page (~145 pending pages per 2,000 keys written), and up to 4 MB of list
 * would add ~10 ms to every such page. With 256 kB a search reads at most 32 pending pages,
 * and a write merges a list of ~450 keys now and then instead of ~7,000 at once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(await hasTrigramIndex(db))) return
  await sql`alter index api_keys_key_name_trigrams set (gin_pending_list_limit = 256)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(await hasTrigramIndex(db))) return
  await sql`alter index api_keys_key_name_trigrams reset (gin_pending_list_limit)`.execute(db)
}

/** PostgreSQL has the index where pg_trgm could be installed (migration 2026-12-03-20-search-indexes). */
async function hasTrigramIndex(db: Kysely<any>): Promise<boolean> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return false
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_indexes where indexname = 'api_keys_key_name_trigrams'`.execute(db)
  return rows[0]?.n === 1
}
