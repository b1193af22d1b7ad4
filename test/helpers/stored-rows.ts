import { sql, type Kysely } from 'kysely'
import type { Harness } from './harness.js'

/** Reads an administrator's row as stored. */
export function administratorRow(h: Harness, id: number) {
  return h.db.selectFrom('administrators').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Reads a role's row as stored. */
export function roleRow(h: Harness, id: number) {
  return h.db.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst()
}

/** How many sessions an administrator has. */
export async function sessionCount(h: Harness, administratorId: number): Promise<number> {
  const rows = await h.db.selectFrom('sessions').select('token_hash').where('administrator_id', '=', administratorId).execute()
  return rows.length
}

/**
 * Fills `api_keys` of a PostgreSQL database with keys 2…`last`, named as bench/million-keys.ts
 * names them (`billing-…`, `ci-…`, `data-…`, `ops-…`; no usable secret), then vacuums and
 * analyzes the table: for tests of query plans and indexes, which need more than a few rows.
 */
export async function seedKeyNames(db: Kysely<any>, last: number): Promise<void> {
  await sql`insert into api_keys (key_name, key_name_key, locale, role_id, time_zone, created, secret_hash)
    select n, n, 'en-US', 1, 'UTC', i, '' from generate_series(2, ${last}::int) as i,
      lateral (select (array['billing', 'ci', 'data', 'ops'])[i % 4 + 1] || '-' || (i * 7919 % 1000003) || '-' || i as n) as name`.execute(db)
  await sql`vacuum analyze api_keys`.execute(db)
}
