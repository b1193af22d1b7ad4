import type { Kysely } from 'kysely'

// Frozen in time: this migration imports nothing from the app.

export async function up(db: Kysely<any>): Promise<void> {
  // JSON arrays of application permission slugs.
  await db.schema
    .alterTable('roles')
    .addColumn('permissions', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
  await db.schema
    .alterTable('api_keys')
    .addColumn('permissions', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
  // A JSON object, or null for none.
  await db.schema.alterTable('api_keys').addColumn('meta', 'text').execute()
  await db.schema.alterTable('api_keys').addColumn('external_id', 'text').execute()
  // JSON array of addresses and CIDR ranges; empty allows every address.
  await db.schema
    .alterTable('api_keys')
    .addColumn('ip_allow_list', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()
  await db.schema.createIndex('api_keys_external_id').on('api_keys').column('external_id').execute()

  // Verifying keys for other services is a new right; Full Access holds every right.
  const role = await db.selectFrom('roles').select(['id', 'rights']).where('name', '=', 'Full Access').where('immutable', '=', 1).executeTakeFirst()
  if (role) {
    const rights: string[] = JSON.parse(role.rights)
    if (!rights.includes('apikeyRights.canVerifyApiKeys')) rights.push('apikeyRights.canVerifyApiKeys')
    await db
      .updateTable('roles')
      .set({ rights: JSON.stringify(rights) })
      .where('id', '=', role.id)
      .execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('api_keys_external_id').execute()
  for (const column of ['permissions', 'meta', 'external_id', 'ip_allow_list']) await db.schema.alterTable('api_keys').dropColumn(column).execute()
  await db.schema.alterTable('roles').dropColumn('permissions').execute()
}
