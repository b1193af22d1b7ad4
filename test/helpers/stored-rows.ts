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
