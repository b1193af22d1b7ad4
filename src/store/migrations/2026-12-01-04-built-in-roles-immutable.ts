import type { Kysely } from 'kysely'

/**
 * Auditor joins Full Access as immutable: a built-in role that an operator can edit or
 * delete is one whose meaning ("read-only") a client can no longer rely on. ID 2 is the
 * built-in Auditor whatever it has been renamed to.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.updateTable('roles').set({ immutable: 1 }).where('id', '=', 2).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.updateTable('roles').set({ immutable: 0 }).where('id', '=', 2).execute()
}
