import type { Selectable } from 'kysely'
import type { Locale } from '../i18n/translate.js'
import type { Store } from '../store/store.js'
import type { AdministratorsTable } from '../store/tables.js'

/** An administrator as stored, including the password hash (never shown to anyone). */
export interface AdministratorRecord {
  readonly id: number
  readonly username: string
  readonly passwordHash: string
  readonly fullName: string
  readonly description: string
  readonly roleId: number
  readonly locale: Locale
  readonly timeZone: string
  readonly timeFormat: '12' | '24'
  readonly active: boolean
  readonly emailAddress: string
  readonly created: number
  readonly lastSignIn: number | undefined
  readonly lastPasswordChange: number | undefined
  readonly unlockTime: number | undefined
  readonly unsuccessfulSignInAttempts: number
  readonly passwordNeverExpires: boolean
  readonly mfaType: 'none' | 'local-totp'
}

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
  created: number
}

const optionalNumber = (value: number | null): number | undefined => (value === null ? undefined : Number(value))

function toRecord(row: Selectable<AdministratorsTable>): AdministratorRecord {
  return {
    id: row.id,
    username: row.username,
    passwordHash: row.password_hash,
    fullName: row.full_name,
    description: row.description,
    roleId: row.role_id,
    locale: row.locale as Locale,
    timeZone: row.time_zone,
    timeFormat: row.time_format as '12' | '24',
    active: row.active === 1,
    emailAddress: row.email_address,
    created: Number(row.created),
    lastSignIn: optionalNumber(row.last_sign_in),
    lastPasswordChange: optionalNumber(row.last_password_change),
    unlockTime: optionalNumber(row.unlock_time),
    unsuccessfulSignInAttempts: row.unsuccessful_sign_in_attempts,
    passwordNeverExpires: row.password_never_expires === 1,
    mfaType: row.mfa_type as 'none' | 'local-totp',
  }
}

/** The SQL of administrators. */
export function createAdministratorStore(store: Store) {
  const { db } = store
  return {
    async count(): Promise<number> {
      const row = await db.selectFrom('administrators').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
      return Number(row?.n ?? 0)
    },

    async findByUsername(username: string): Promise<AdministratorRecord | undefined> {
      const row = await db.selectFrom('administrators').selectAll().where('username', '=', username).executeTakeFirst()
      return row && toRecord(row)
    },

    async insert(admin: NewAdministrator): Promise<AdministratorRecord> {
      return store.transaction(async (trx) => {
        const row = await trx
          .insertInto('administrators')
          .values({
            username: admin.username,
            password_hash: admin.passwordHash,
            full_name: admin.fullName,
            description: admin.description,
            role_id: admin.roleId,
            locale: admin.locale,
            time_zone: admin.timeZone,
            time_format: admin.timeFormat,
            email_address: admin.emailAddress,
            active: 1,
            password_never_expires: 0,
            mfa_type: 'none',
            created: admin.created,
            last_password_change: admin.created,
          })
          .returningAll()
          .executeTakeFirstOrThrow()
        return toRecord(row)
      })
    },

    /** Ends a lock-out and clears the failure count. @returns the administrator, or undefined. */
    async unlock(id: number): Promise<AdministratorRecord | undefined> {
      return store.transaction(async (trx, changed) => {
        const row = await trx
          .updateTable('administrators')
          .set({ active: 1, unlock_time: null, unsuccessful_sign_in_attempts: 0 })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst()
        if (row) changed({ resource: 'administrator', id })
        return row && toRecord(row)
      })
    },
  }
}

export type AdministratorStore = ReturnType<typeof createAdministratorStore>
