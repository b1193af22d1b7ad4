import { PostgresAdapter, type Kysely } from 'kysely'

// Frozen in time: this migration imports nothing from the app.

export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter
  const id = isPostgres ? ('serial' as const) : ('integer' as const)
  const primaryKey = (c: any) => (isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement())

  await db.schema
    .createTable('sessions')
    // SHA-256 of the session token, hex: the token itself is only in the administrator's cookie.
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('administrator_id', 'integer', (c) => c.notNull().references('administrators.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created', 'bigint', (c) => c.notNull())
    .addColumn('last_seen', 'bigint', (c) => c.notNull())
    .addColumn('expires', 'bigint', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('user_agent', 'text')
    .execute()
  await db.schema.createIndex('sessions_administrator_id').on('sessions').column('administrator_id').execute()

  await db.schema
    .createTable('audit_events')
    .addColumn('id', id, primaryKey)
    .addColumn('time', 'bigint', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'integer')
    .addColumn('resource_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('changes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('address', 'text')
    .execute()
  await db.schema.createIndex('audit_events_time').on('audit_events').column('time').execute()
  await db.schema.createIndex('audit_events_resource').on('audit_events').columns(['resource_type', 'resource_id']).execute()

  await db.schema.alterTable('administrators').addColumn('totp_secret', 'text').execute()
  await db.schema.alterTable('administrators').addColumn('totp_pending_secret', 'text').execute()
  await db.schema.alterTable('administrators').addColumn('totp_last_step', 'bigint').execute()
  // JSON array of SHA-256 hashes of unused recovery codes.
  await db.schema
    .alterTable('administrators')
    .addColumn('recovery_codes', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute()

  // The audit log is a new right; the built-in roles see it.
  for (const name of ['Full Access', 'Auditor']) {
    const role = await db.selectFrom('roles').select(['id', 'rights']).where('name', '=', name).executeTakeFirst()
    if (!role) continue
    const rights: string[] = JSON.parse(role.rights)
    if (!rights.includes('auditEventRights.canViewAuditEvents')) rights.push('auditEventRights.canViewAuditEvents')
    await db
      .updateTable('roles')
      .set({ rights: JSON.stringify(rights) })
      .where('id', '=', role.id)
      .execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_events').execute()
  await db.schema.dropTable('sessions').execute()
  for (const column of ['totp_secret', 'totp_pending_secret', 'totp_last_step', 'recovery_codes']) {
    await db.schema.alterTable('administrators').dropColumn(column).execute()
  }
}
