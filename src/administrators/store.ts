import { sql } from 'kysely'
import type { AuditRecord } from '../audit/audit-record.js'
import { KeywardError } from '../errors/keyward-error.js'
import type { Locale } from '../i18n/translate.js'
import { nameKey } from '../auth/name-key.js'
import { LOCALES } from '../i18n/translate.js'
import { FULL_ACCESS_ROLE_ID } from '../roles/role.js'
import type { SearchableResource } from '../search/search-query.js'
import { deleteSessionsOf, insertSession, type SessionRecord } from '../sessions/store.js'
import { flag, toColumns, type ColumnsOf } from '../store/columns.js'
import { findByName } from '../store/name-lookup.js'
import type { Store, Trx } from '../store/store.js'
import { searchableTable } from '../store/searchable-table.js'
import type { AdministratorsTable } from '../store/tables.js'
import { toAdministratorRecord, type AdministratorRecord } from './administrator.js'
import type { KeptAdministratorFields } from './kept-fields.js'

export interface NewAdministrator {
  username: string
  passwordHash: string
  fullName: string
  description: string
  roleId: number
  locale: Locale
  timeZone: string
  timeFormat: '12' | '24'
  emailAddress: string
  active: boolean
  passwordNeverExpires: boolean
  kept?: KeptAdministratorFields
  created: number
}

/** What a service may change; `null` clears an optional value. */
export interface AdministratorChanges {
  username?: string
  passwordHash?: string
  lastPasswordChange?: number
  fullName?: string
  description?: string
  roleId?: number
  locale?: Locale
  timeZone?: string
  timeFormat?: '12' | '24'
  emailAddress?: string
  active?: boolean
  unlockTime?: number | null
  unsuccessfulSignInAttempts?: number
  lastSignIn?: number
  passwordNeverExpires?: boolean
  mfaType?: 'none' | 'local-totp'
  totpSecret?: string | null
  totpPendingSecret?: string | null
  totpLastStep?: number | null
  recoveryCodeHashes?: readonly string[]
  kept?: KeptAdministratorFields
}

/** What else a change does in its transaction. */
export interface ChangeEffects {
  /** Refuse the change when it leaves no active administrator with Full Access. */
  readonly keepFullAccess?: boolean
  /** End the administrator's sessions, but for this one (the session making the change). */
  readonly endSessions?: { readonly except?: string }
  /** Start this session (a sign-in). */
  readonly startSession?: SessionRecord
}

export const ADMINISTRATOR_SEARCH: SearchableResource = {
  idColumn: 'id',
  fields: {
    username: { column: 'username', kind: 'string' },
    fullName: { column: 'full_name', kind: 'string' },
    description: { column: 'description', kind: 'string' },
    roleID: { column: 'role_id', kind: 'numeric' },
    locale: { column: 'locale', kind: 'choice', choices: LOCALES },
    timeZone: { column: 'time_zone', kind: 'string' },
    timeFormat: { column: 'time_format', kind: 'choice', choices: ['12', '24'] },
    active: { column: 'active', kind: 'boolean' },
    emailAddress: { column: 'email_address', kind: 'string' },
    created: { column: 'created', kind: 'date' },
    lastSignIn: { column: 'last_sign_in', kind: 'date' },
    lastPasswordChange: { column: 'last_password_change', kind: 'date' },
    unlockTime: { column: 'unlock_time', kind: 'date' },
    unsuccessfulSignInAttempts: { column: 'unsuccessful_sign_in_attempts', kind: 'numeric' },
    passwordNeverExpires: { column: 'password_never_expires', kind: 'boolean' },
    mfaType: { column: 'mfa_type', kind: 'choice', choices: ['none', 'local-totp'] },
  },
  sortLookups: { roleName: { column: 'roles.name', idColumn: 'roles.id', via: 'role_id' } },
}

const COLUMNS: ColumnsOf<AdministratorChanges, AdministratorsTable> = {
  username: 'username',
  passwordHash: 'password_hash',
  lastPasswordChange: 'last_password_change',
  fullName: 'full_name',
  description: 'description',
  roleId: 'role_id',
  locale: 'locale',
  timeZone: 'time_zone',
  timeFormat: 'time_format',
  emailAddress: 'email_address',
  active: 'active',
  unlockTime: 'unlock_time',
  unsuccessfulSignInAttempts: 'unsuccessful_sign_in_attempts',
  lastSignIn: 'last_sign_in',
  passwordNeverExpires: 'password_never_expires',
  mfaType: 'mfa_type',
  totpSecret: 'totp_secret',
  totpPendingSecret: 'totp_pending_secret',
  totpLastStep: 'totp_last_step',
  recoveryCodeHashes: 'recovery_codes',
  kept: 'kept',
}

/** The SQL of administrators. */
export function createAdministratorStore(store: Store) {
  const { db } = store
  const byId = (id: number) => db.selectFrom('administrators').selectAll().where('id', '=', id)
  /**
   * Within a transaction: after the change, some administrator must still hold Full Access
   * and be able to sign in (failed sign-ins never lock an account). On PostgreSQL the Full
   * Access rows are locked first, so two transactions that each demote one of the last two
   * cannot both pass.
   */
  async function assertFullAccessRemains(trx: Trx, name: string): Promise<void> {
    const remaining = await trx
      .selectFrom('administrators')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role_id', '=', FULL_ACCESS_ROLE_ID)
      .where('active', '=', 1)
      .executeTakeFirst()
    if (Number(remaining?.n ?? 0) === 0) throw new KeywardError('administrator.last_full_access', { name })
  }

  async function lockFullAccessRows(trx: Trx): Promise<void> {
    await store.forUpdate(trx.selectFrom('administrators').select('id').where('role_id', '=', FULL_ACCESS_ROLE_ID)).execute()
  }

  return {
    async count(): Promise<number> {
      const row = await db
        .selectFrom('administrators')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
      return Number(row?.n ?? 0)
    },

    async findById(id: number): Promise<AdministratorRecord | undefined> {
      const row = await byId(id).executeTakeFirst()
      return row && toAdministratorRecord(row)
    },

    /** The administrator whose username is this one in its normalised form (see {@link findByName}). */
    async findByUsername(username: string): Promise<AdministratorRecord | undefined> {
      const row = await findByName(db, 'administrators', username)
      return row && toAdministratorRecord(row)
    },

    async findAll(): Promise<AdministratorRecord[]> {
      const rows = await db.selectFrom('administrators').selectAll().orderBy('id').execute()
      return rows.map(toAdministratorRecord)
    },

    ...searchableTable(store, 'administrators', ADMINISTRATOR_SEARCH, toAdministratorRecord),

    /** @throws KeywardError `administrator.name_in_use`. */
    async insert(admin: NewAdministrator, audit?: AuditRecord): Promise<AdministratorRecord> {
      const row = await store.write({ audit, nameInUse: { code: 'administrator.name_in_use', name: admin.username } }, (trx) =>
        trx
          .insertInto('administrators')
          .values({
            username: admin.username,
            username_key: nameKey(admin.username),
            password_hash: admin.passwordHash,
            full_name: admin.fullName,
            description: admin.description,
            role_id: admin.roleId,
            locale: admin.locale,
            time_zone: admin.timeZone,
            time_format: admin.timeFormat,
            email_address: admin.emailAddress,
            active: flag(admin.active),
            password_never_expires: flag(admin.passwordNeverExpires),
            kept: JSON.stringify(admin.kept ?? {}),
            mfa_type: 'none',
            created: admin.created,
            last_password_change: admin.created,
          })
          .returningAll()
          .executeTakeFirstOrThrow(),
      )
      return toAdministratorRecord(row)
    },

    /**
     * Changes an administrator, with the effects asked for, in one transaction.
     *
     * @returns the changed administrator, or undefined when there is none with this ID.
     * @throws KeywardError `administrator.name_in_use`, `administrator.last_full_access`.
     */
    async update(
      id: number,
      changes: AdministratorChanges,
      audit: AuditRecord | undefined,
      effects: ChangeEffects = {},
    ): Promise<AdministratorRecord | undefined> {
      const columns = { ...toColumns(changes, COLUMNS), ...(changes.username === undefined ? {} : { username_key: nameKey(changes.username) }) }
      if (Object.keys(columns).length === 0) return this.findById(id)
      const row = await store.write({ audit, nameInUse: { code: 'administrator.name_in_use', name: changes.username } }, async (trx) => {
        if (effects.keepFullAccess) await lockFullAccessRows(trx)
        const row = await trx.updateTable('administrators').set(columns).where('id', '=', id).returningAll().executeTakeFirst()
        if (!row) return undefined
        if (effects.keepFullAccess) await assertFullAccessRemains(trx, row.username)
        if (effects.endSessions) await deleteSessionsOf(trx, id, effects.endSessions.except)
        if (effects.startSession) await insertSession(trx, effects.startSession)
        return row
      })
      return row && toAdministratorRecord(row)
    },

    /**
     * Deletes an administrator and its sessions.
     *
     * @returns the deleted administrator, or undefined when there was none.
     * @throws KeywardError `administrator.last_full_access` when `keepFullAccess` and it was the last.
     */
    async delete(id: number, audit: AuditRecord, effects: ChangeEffects = {}): Promise<AdministratorRecord | undefined> {
      const row = await store.write({ audit }, async (trx) => {
        if (effects.keepFullAccess) await lockFullAccessRows(trx)
        await deleteSessionsOf(trx, id)
        const row = await trx.deleteFrom('administrators').where('id', '=', id).returningAll().executeTakeFirst()
        if (row && effects.keepFullAccess) await assertFullAccessRemains(trx, row.username)
        return row
      })
      return row && toAdministratorRecord(row)
    },

    /** Counts a failed sign-in (or re-authentication) of the administrator, atomically, with its audit entry. */
    async countFailedSignIn(id: number, audit: AuditRecord): Promise<void> {
      await store.write({ audit }, (trx) =>
        trx
          .updateTable('administrators')
          .set({ unsuccessful_sign_in_attempts: sql`unsuccessful_sign_in_attempts + 1` })
          .where('id', '=', id)
          .returning('id')
          .executeTakeFirst(),
      )
    },

    /**
     * Uses up a TOTP time step, so a code works once: succeeds only for a step later than the
     * last one used. @returns whether the step was still unused.
     */
    async useTotpStep(id: number, step: number): Promise<boolean> {
      const result = await db
        .updateTable('administrators')
        .set({ totp_last_step: step })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst()
      return Number(result.numUpdatedRows) === 1
    },

    /** Uses up a recovery code. @returns whether it was one of the unused codes. */
    async useRecoveryCode(id: number, codeHash: string): Promise<boolean> {
      return store.transaction(async (trx) => {
        const row = await trx.selectFrom('administrators').select('recovery_codes').where('id', '=', id).executeTakeFirst()
        const hashes: string[] = row ? JSON.parse(row.recovery_codes) : []
        if (!hashes.includes(codeHash)) return false
        // Only if nobody used a code in between: a code works once even under a race.
        const result = await trx
          .updateTable('administrators')
          .set({ recovery_codes: JSON.stringify(hashes.filter((h) => h !== codeHash)) })
          .where('id', '=', id)
          .where('recovery_codes', '=', row!.recovery_codes)
          .executeTakeFirst()
        return Number(result.numUpdatedRows) === 1
      })
    },
  }
}

export type AdministratorStore = ReturnType<typeof createAdministratorStore>
