import type { AuditRecord } from '../audit/audit-record.js'
import type { Insertable } from 'kysely'
import type { Credits, RateLimit } from '../limits/schema.js'
import { limitColumns, type KeyLimits } from '../limits/stored-limits.js'
import { API_KEY_COLUMNS, API_KEY_CREATION_COLUMNS, toApiKeyRecord, type ApiKeyRecord } from './api-key.js'
import { LOCALES } from '../i18n/translate.js'
import type { SearchableResource } from '../search/search-query.js'
import { toColumns } from '../store/columns.js'
import { findByName } from '../store/name-lookup.js'
import { nameKey } from '../auth/name-key.js'
import { failedAttemptColumns, isLockedNow, type FailedAttempts } from '../store/failed-attempts.js'
import type { Store } from '../store/store.js'
import { searchableTable } from '../store/searchable-table.js'
import type { ApiKeysTable } from '../store/tables.js'

/** A property a record may leave unset is cleared with `null`. */
type Change<T> = undefined extends T ? Exclude<T, undefined> | null : T

/** The properties a service may change; `null` clears an optional one. */
export type ApiKeyChanges = { -readonly [K in keyof typeof API_KEY_COLUMNS]?: Change<ApiKeyRecord[K]> } & {
  /** An empty list removes them. */
  rateLimits?: readonly RateLimit[]
  /** null removes them; setting them restarts their refill clock. */
  credits?: Credits | null
}

/** A key to insert: every stored property but the failure bookkeeping, and its limits. */
export type NewApiKey = {
  readonly [K in Exclude<keyof typeof API_KEY_COLUMNS, 'unlockTime' | 'unsuccessfulSignInAttempts'> | keyof typeof API_KEY_CREATION_COLUMNS]: ApiKeyRecord[K]
} & Pick<KeyLimits, 'rateLimits' | 'credits'>

const INSERTED_COLUMNS = { ...API_KEY_COLUMNS, ...API_KEY_CREATION_COLUMNS }

/** A secret made for a key ID, and the hash to store. */
export type SecretMaker = (id: number) => { secret: string; hash: string }

/** How API keys are searched: JSON field names of the model API mapped to columns. */
export const API_KEY_SEARCH: SearchableResource = {
  idColumn: 'id',
  fields: {
    keyName: { column: 'key_name', kind: 'string', trigrams: 'api_keys_name_trigrams' },
    description: { column: 'description', kind: 'string' },
    locale: { column: 'locale', kind: 'choice', choices: LOCALES },
    roleID: { column: 'role_id', kind: 'numeric' },
    timeZone: { column: 'time_zone', kind: 'string' },
    active: { column: 'active', kind: 'boolean' },
    created: { column: 'created', kind: 'date' },
    lastSignIn: { column: 'last_sign_in', kind: 'date' },
    unlockTime: { column: 'unlock_time', kind: 'date' },
    unsuccessfulSignInAttempts: { column: 'unsuccessful_sign_in_attempts', kind: 'numeric' },
    expiryDate: { column: 'expiry_date', kind: 'date' },
    serviceAccount: { column: 'service_account', kind: 'boolean' },
    externalID: { column: 'external_id', kind: 'string' },
  },
  sortLookups: { roleName: { column: 'roles.name', idColumn: 'roles.id', via: 'role_id' } },
}

/**
 * The SQL of API keys. Every write that can change whether or how a key authenticates
 * records a change, so caches in every process drop the key.
 */
export function createApiKeyStore(store: Store) {
  const { db } = store
  const byId = (id: number) => db.selectFrom('api_keys').selectAll().where('id', '=', id)

  return {
    async findById(id: number): Promise<ApiKeyRecord | undefined> {
      const row = await byId(id).executeTakeFirst()
      return row && toApiKeyRecord(row)
    },

    /** IDs of the keys above `after`, ascending, at most `limit` of them (the verifier's known IDs). */
    async idsAfter(after: number, limit: number): Promise<number[]> {
      const rows = await db.selectFrom('api_keys').select('id').where('id', '>', after).orderBy('id').limit(limit).execute()
      return rows.map((row) => row.id)
    },

    /** The key whose name is this one in its normalised form (see {@link findByName}). */
    async findByName(keyName: string): Promise<ApiKeyRecord | undefined> {
      const row = await findByName(db, 'api_keys', keyName)
      return row && toApiKeyRecord(row)
    },

    /** Every API key, by ID. */
    async findAll(): Promise<ApiKeyRecord[]> {
      const rows = await db.selectFrom('api_keys').selectAll().orderBy('id').execute()
      return rows.map(toApiKeyRecord)
    },

    ...searchableTable(store, 'api_keys', API_KEY_SEARCH, toApiKeyRecord),

    /**
     * Inserts an API key and gives it a secret made for its new ID, in one transaction.
     *
     * @throws KeywardError `apikey.name_in_use` when the name is taken.
     */
    async insert(key: NewApiKey, makeSecret: SecretMaker, audit: AuditRecord): Promise<{ record: ApiKeyRecord; secret: string }> {
      const { rateLimits, credits, ...stored } = key
      // Another process may hold the new ID as "no such key" in its cache: notify.
      const { row, secret } = await store.write({ audit, notify: 'apikey', nameInUse: { code: 'apikey.name_in_use', name: key.keyName } }, async (trx) => {
        const { id } = await trx
          .insertInto('api_keys')
          .values({
            ...(toColumns<typeof stored, ApiKeysTable>(stored, INSERTED_COLUMNS) as Insertable<ApiKeysTable>),
            key_name_key: nameKey(key.keyName),
            // Replaced below, in the same transaction, once the ID is known.
            secret_hash: '',
            service_account: 0,
            ...limitColumns({ rateLimits, credits }, key.created),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        const { secret, hash } = makeSecret(id)
        const row = await trx.updateTable('api_keys').set({ secret_hash: hash }).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
        return { id, row, secret }
      })
      return { record: toApiKeyRecord(row), secret }
    },

    /**
     * Changes an API key.
     *
     * @returns the changed key, or undefined when there is none with this ID.
     * @throws KeywardError `apikey.name_in_use` when the new name is taken.
     */
    async update(id: number, changes: ApiKeyChanges, audit: AuditRecord): Promise<ApiKeyRecord | undefined> {
      const { rateLimits, credits, ...rest } = changes
      const columns = {
        ...toColumns<typeof rest, ApiKeysTable>(rest, API_KEY_COLUMNS),
        ...(rest.keyName === undefined ? {} : { key_name_key: nameKey(rest.keyName) }),
        ...limitColumns({ rateLimits, credits }, audit.time),
      }
      if (Object.keys(columns).length === 0) return this.findById(id)
      const row = await store.write({ audit, notify: 'apikey', nameInUse: { code: 'apikey.name_in_use', name: changes.keyName } }, (trx) =>
        trx.updateTable('api_keys').set(columns).where('id', '=', id).returningAll().executeTakeFirst(),
      )
      return row && toApiKeyRecord(row)
    },

    /** Replaces the secret of an API key; the old one stops working when this commits. */
    async replaceSecret(id: number, makeSecret: SecretMaker, audit: AuditRecord): Promise<{ record: ApiKeyRecord; secret: string } | undefined> {
      const { secret, hash } = makeSecret(id)
      const row = await store.write({ audit, notify: 'apikey' }, (trx) =>
        trx.updateTable('api_keys').set({ secret_hash: hash }).where('id', '=', id).returningAll().executeTakeFirst(),
      )
      return row && { record: toApiKeyRecord(row), secret }
    },

    /** Deletes an API key. @returns the deleted key, or undefined when there was none. */
    async delete(id: number, audit: AuditRecord): Promise<ApiKeyRecord | undefined> {
      const row = await store.write({ audit, notify: 'apikey' }, (trx) => trx.deleteFrom('api_keys').where('id', '=', id).returningAll().executeTakeFirst())
      return row && toApiKeyRecord(row)
    },

    /**
     * Counts failed authentications, atomically, and locks the key out until `lockUntil`
     * when the count reaches `threshold` (see `failedAttemptColumns`); that lock-out is audited.
     *
     * @returns the key as it is now and whether these failures locked it, or undefined.
     */
    async recordFailedAttempts(
      id: number,
      attempts: FailedAttempts,
      threshold: number | undefined,
      now: number,
      lockUntil: number,
      auditLockout: (record: ApiKeyRecord) => AuditRecord,
    ): Promise<{ record: ApiKeyRecord; lockedNow: boolean } | undefined> {
      const written = await store.write<{ id: number; record: ApiKeyRecord; lockedNow: boolean } | undefined>(
        { audit: ({ record, lockedNow }) => (lockedNow ? auditLockout(record) : undefined), notify: 'apikey' },
        async (trx) => {
          const locking = trx.selectFrom('api_keys').select(['active', 'unlock_time']).where('id', '=', id)
          const before = await store.forUpdate(locking).executeTakeFirst()
          if (!before) return undefined
          const row = await trx
            .updateTable('api_keys')
            .set(failedAttemptColumns(attempts, threshold, now, lockUntil))
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirst()
          if (!row) return undefined
          return { id, record: toApiKeyRecord(row), lockedNow: isLockedNow(before, row, now, lockUntil) }
        },
      )
      return written
    },

    /**
     * Clears the failure count after a successful authentication. Other processes are not told:
     * a count they still cache only makes their next success clear it again.
     *
     * @returns the key as it is now, or undefined.
     */
    async resetFailedAttempts(id: number): Promise<ApiKeyRecord | undefined> {
      const row = await db.updateTable('api_keys').set({ unsuccessful_sign_in_attempts: 0 }).where('id', '=', id).returningAll().executeTakeFirst()
      return row && toApiKeyRecord(row)
    },

    /**
     * Ends an automatic lock-out whose time has come.
     *
     * @returns the unlocked key, or undefined when it was not locked until a time before `now`.
     */
    async unlockIfDue(id: number, now: number): Promise<ApiKeyRecord | undefined> {
      return store.transaction(async (trx, changed) => {
        const row = await trx
          .updateTable('api_keys')
          .set({ active: 1, unlock_time: null, unsuccessful_sign_in_attempts: 0 })
          .where('id', '=', id)
          .where('active', '=', 0)
          .where('unlock_time', '<=', now)
          .returningAll()
          .executeTakeFirst()
        if (row) changed({ resource: 'apikey', id })
        return row && toApiKeyRecord(row)
      })
    },

    /**
     * Writes batched "last sign-in" times; a time never moves backwards. Rows are taken in ID
     * order: every process flushes the keys it saw, and batches that locked shared keys in
     * different orders deadlocked on PostgreSQL, holding changes of those keys for a second.
     */
    async recordUsage(uses: readonly { id: number; at: number; address: string | undefined }[]): Promise<void> {
      if (uses.length === 0) return
      await db.transaction().execute(async (trx) => {
        for (const use of [...uses].sort((a, b) => a.id - b.id)) {
          await trx
            .updateTable('api_keys')
            .set({ last_sign_in: use.at, last_sign_in_address: use.address ?? null })
            .where('id', '=', use.id)
            // Batches are written in order, so an equal time is a later use: it takes the address.
            .where((eb) => eb.or([eb('last_sign_in', 'is', null), eb('last_sign_in', '<=', use.at)]))
            .execute()
        }
      })
    },
  }
}

export type ApiKeyStore = ReturnType<typeof createApiKeyStore>
