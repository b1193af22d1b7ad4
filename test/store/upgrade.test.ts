import { Migrator, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSecret, hashSecret } from '../../src/auth/secret-format.js'
import { openDatabase } from '../../src/store/database.js'
import { MIGRATIONS } from '../../src/store/migrations/index.js'
import { createTestDatabase, testEngine, type TestDatabase } from '../helpers/test-database.js'
import { Harness } from '../helpers/harness.js'

// The first release's schema: the migrations of 2026-11-26.
const FIRST_RELEASE = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name.startsWith('2026-11-26-')))
const OPTIONS = { databaseConnectTimeoutMs: 5000, databaseStatementTimeoutMs: 10_000, sqliteSynchronous: 'normal' as const }
const CREATED = Date.UTC(2026, 10, 27)

describe(`${testEngine()}: upgrading a database of the first release`, () => {
  let database: TestDatabase
  const secret = createSecret(7)
  beforeAll(async () => {
    database = await createTestDatabase()
    const old = openDatabase(database.url, OPTIONS)
    try {
      const migrator = new Migrator({
        db: old.db,
        provider: { getMigrations: async () => FIRST_RELEASE },
        migrationTableName: 'keyward_migrations',
        migrationLockTableName: 'keyward_migrations_lock',
      })
      const { error } = await migrator.migrateToLatest()
      if (error) throw error
      // Data as the first release wrote it, column by column of its schema.
      await sql`insert into roles (id, name, description, rights, created) values (3, 'Key readers', 'old role', '["apikeyRights.canViewApiKeys"]', ${CREATED})`.execute(
        old.db,
      )
      await sql`insert into api_keys (id, key_name, description, locale, role_id, time_zone, active, created, secret_hash, unsuccessful_sign_in_attempts)
        values (7, 'old-key', 'from the first release', 'ja-JP', 3, 'Asia/Tokyo', 1, ${CREATED}, ${hashSecret(secret)}, 0)`.execute(old.db)
      await sql`insert into administrators (id, username, password_hash, role_id, locale, time_zone, created) values (5, 'old-admin', 'scrypt$x', 1, 'en-US', 'UTC', ${CREATED})`.execute(
        old.db,
      )
      // Names that collide in their normalised form, as the first release allowed.
      await sql`insert into administrators (id, username, password_hash, role_id, locale, time_zone, created) values (6, 'Old-Admin', 'scrypt$x', 2, 'en-US', 'UTC', ${CREATED})`.execute(
        old.db,
      )
      if (old.engine === 'postgres') {
        for (const table of ['roles', 'api_keys', 'administrators']) {
          await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(old.db)
        }
      }
    } finally {
      await old.db.destroy()
    }
  })
  afterAll(() => database.drop())

  it('migrates to the current schema with its keys, roles and administrators intact', async () => {
    const h = await Harness.start({ databaseUrl: database.url })
    try {
      const migrated = await sql<{ name: string }>`select name from keyward_migrations`.execute(h.db)
      expect(migrated.rows.map((r) => r.name).sort()).toEqual(Object.keys(MIGRATIONS).sort())
      const key = await h.app.context.stores.apiKeys.findById(7)
      expect(key).toMatchObject({
        keyName: 'old-key',
        description: 'from the first release',
        locale: 'ja-JP',
        timeZone: 'Asia/Tokyo',
        roleId: 3,
        active: true,
        created: CREATED,
      })
      const res = await h.get('/api/apikeys/current', { secret })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      expect(res.body).toMatchObject({ ID: 7, keyName: 'old-key', roleID: 3 })
      const role = await h.get('/api/roles/3', { secret: h.keys.fullAccess.secret })
      expect(role.body).toMatchObject({ name: 'Key readers', description: 'old role' })
      expect(role.body.rights.platformRights.apikeyRights.canViewApiKeys).toBe(true)
      expect(await h.app.context.stores.administrators.findByUsername('old-admin')).toMatchObject({ id: 5, roleId: 1 })
      // Each collided name still reaches its own administrator; another form reaches the oldest.
      expect(await h.app.context.stores.administrators.findByUsername('Old-Admin')).toMatchObject({ id: 6, roleId: 2 })
      expect(await h.app.context.stores.administrators.findByUsername('OLD-ADMIN')).toMatchObject({ id: 5 })
      const clash = await h.post('/api/administrators', {
        secret: h.keys.fullAccess.secret,
        body: { username: 'old-ADMIN', password: 'Clash-passw0rd-1', roleID: 2 },
      })
      expect(clash.body.code).toBe('administrator.name_in_use')
    } finally {
      await h.close()
    }
  }, 60_000)
})
