import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: this migration imports nothing from the app.

/** The case folding of `store/text-match.ts` on PostgreSQL, as the indexed expression must spell it. */
const FOLDED_NAME = sql`translate(key_name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')`

/**
 * PostgreSQL indexes from which a search page's IDs are read alone, by an index-only scan (the
 * page's rows are then fetched by ID, see `store/searchable-table.ts`): a name prefix's matches
 * with their IDs, and the names in order with their IDs, for deep offsets. SQLite's indexes
 * hold the row ID already.
 *
 * The planner estimates a prefix's share of the keys from how many entries of the folded
 * name's histogram match it: of the default 100, a prefix of a few hundred keys in a million
 * matched one (1 %), and the planner scanned the keys in ID order, tens of thousands of rows,
 * for the 25 first; with 1,000 entries it sees the prefix is rare.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await db.schema.dropIndex('api_keys_key_name_folded').execute()
  await sql`create index api_keys_key_name_folded on api_keys (${FOLDED_NAME} text_pattern_ops) include (key_name, id)`.execute(db)
  await sql`alter index api_keys_key_name_folded alter column 1 set statistics 1000`.execute(db)
  await db.schema.createIndex('api_keys_key_name_id').on('api_keys').columns(['key_name', 'id']).execute()
  // The histogram now, not at autovacuum's next analyze.
  await sql`analyze api_keys`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await db.schema.dropIndex('api_keys_key_name_id').execute()
  await db.schema.dropIndex('api_keys_key_name_folded').execute()
  await sql`create index api_keys_key_name_folded on api_keys (${FOLDED_NAME} text_pattern_ops)`.execute(db)
}
