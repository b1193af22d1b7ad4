import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: this migration imports nothing from the app.

/** The case folding of `store/text-match.ts` on PostgreSQL, in the C collation, as the indexed expression must spell it. */
const FOLDED_NAME = sql`(translate(key_name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') collate "C")`

/**
 * A PostgreSQL index of the keys' folded names in ID order, for a name prefix's page in ID order
 * (the API's default sort). Where a prefix matches thousands of keys, the planner reads the
 * keys in ID order until the page is full, and it prices the name test as cheap: read from the
 * rows, `translate` takes microseconds a key, ~30 ms for the ~3,000 keys read for a page of a
 * 1-character prefix at a million keys. This index holds the folded name, so the scan tests it
 * as an index condition, without `translate` and without the rows. The name is included because
 * the planner takes an index-only scan only when every column the query reads is in the index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql`create index api_keys_id_key_name_folded on api_keys (id, ${FOLDED_NAME}) include (key_name)`.execute(db)
  // As on api_keys_key_name_folded: the planner may read a prefix's estimate off this index's histogram.
  await sql`alter index api_keys_id_key_name_folded alter column 2 set statistics 1000`.execute(db)
  // ANALYZE sees a new statistics target only once it is committed, and migrations run in one
  // transaction: the target is given to this ANALYZE alone too.
  await sql`set local default_statistics_target = 1000`.execute(db)
  await sql`analyze api_keys`.execute(db)
  await sql`reset default_statistics_target`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await db.schema.dropIndex('api_keys_id_key_name_folded').execute()
}
