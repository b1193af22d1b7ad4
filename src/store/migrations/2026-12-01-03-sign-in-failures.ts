import type { Kysely } from 'kysely'

// Frozen in time: this migration imports nothing from the app.

/**
 * Failed sign-ins are counted per username and client address, and lock that pair out, not
 * the account: five wrong passwords from anywhere no longer lock the real owner out. So no
 * administrator stays locked by failures counted the old way.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_failures')
    // The username as typed, normalised (NFKC, case-folded): unknown usernames are counted too.
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'bigint')
    .addColumn('last_failure', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('sign_in_failures_pk', ['username', 'address'])
    .execute()
  await db.updateTable('administrators').set({ active: 1, unlock_time: null }).where('active', '=', 0).where('unlock_time', 'is not', null).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_failures').execute()
}
