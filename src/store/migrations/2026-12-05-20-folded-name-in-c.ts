import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: this migration imports nothing from the app.

const FOLD = sql`translate(key_name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`
/** The case folding of `store/text-match.ts` on PostgreSQL, in the C collation, as the indexed expression must spell it. */
const FOLDED_NAME = sql`(${FOLD} collate "C")`

/**
 * The folded name's indexes on PostgreSQL, over the name in the C collation. The planner
 * estimates a prefix's share of the keys from the histogram of the folded name only in the C
 * collation; in the database's it took 1 % for every prefix, so that for one of a few hundred
 * keys in a million it scanned the keys in ID order, tens of thousands of rows, for the first 25
 * (with 1,000 histogram entries, migration 2026-12-05-20-covering-search-indexes). The trigram
 * index follows the expression, so that one expression in a query fits both.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await reindex(db, FOLDED_NAME, sql``)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await reindex(db, FOLD, sql`text_pattern_ops`)
}

async function reindex(db: Kysely<any>, name: ReturnType<typeof sql>, opclass: ReturnType<typeof sql>): Promise<void> {
  await db.schema.dropIndex('api_keys_key_name_folded').execute()
  await sql`create index api_keys_key_name_folded on api_keys ((${name}) ${opclass}) include (key_name, id)`.execute(db)
  await sql`alter index api_keys_key_name_folded alter column 1 set statistics 1000`.execute(db)
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_indexes where indexname = 'api_keys_key_name_trigrams'`.execute(db)
  if (rows[0]?.n === 1) {
    await db.schema.dropIndex('api_keys_key_name_trigrams').execute()
    await sql`create index api_keys_key_name_trigrams on api_keys using gin ((${name}) gin_trgm_ops)`.execute(db)
  }
  // ANALYZE sees a new statistics target only once it is committed, and migrations run in one
  // transaction: the target is given to this ANALYZE alone too.
  await sql`set local default_statistics_target = 1000`.execute(db)
  await sql`analyze api_keys`.execute(db)
  await sql`reset default_statistics_target`.execute(db)
}
