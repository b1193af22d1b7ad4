import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen in time: this migration imports nothing from the app.

/** Adds a key's name to the trigram index, or (`'delete'` first) takes it out. */
const indexName = (row: 'new' | 'old', command: 'add' | 'delete') =>
  command === 'add'
    ? sql`insert into api_keys_name_trigrams (rowid, key_name) values (${sql.raw(row)}.id, ${sql.raw(row)}.key_name);`
    : sql`insert into api_keys_name_trigrams (api_keys_name_trigrams, rowid, key_name) values ('delete', ${sql.raw(row)}.id, ${sql.raw(row)}.key_name);`

/**
 * A trigram index of API key names on SQLite, so that a `contains` search on names does not
 * read every key (PostgreSQL has pg_trgm for it, migration 2026-12-03-20): FTS5's trigram
 * tokenizer over an external-content table (the names are not stored twice), kept in step by
 * triggers.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return
  await sql`create virtual table api_keys_name_trigrams using fts5(key_name, content = 'api_keys', content_rowid = 'id', tokenize = 'trigram')`.execute(db)
  await sql`create trigger api_keys_name_trigrams_insert after insert on api_keys begin ${indexName('new', 'add')} end`.execute(db)
  await sql`create trigger api_keys_name_trigrams_delete after delete on api_keys begin ${indexName('old', 'delete')} end`.execute(db)
  await sql`create trigger api_keys_name_trigrams_update after update of key_name on api_keys begin ${indexName('old', 'delete')} ${indexName('new', 'add')} end`.execute(
    db,
  )
  await sql`insert into api_keys_name_trigrams (api_keys_name_trigrams) values ('rebuild')`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return
  for (const trigger of ['insert', 'delete', 'update']) await sql`drop trigger if exists ${sql.raw(`api_keys_name_trigrams_${trigger}`)}`.execute(db)
  await sql`drop table if exists api_keys_name_trigrams`.execute(db)
}
