import type { Selectable } from 'kysely'
import type { AuditRecord } from '../audit/audit-record.js'
import { toAdministratorRecord, type AdministratorRecord } from '../administrators/administrator.js'
import type { Store, Trx } from '../store/store.js'
import type { SessionsTable } from '../store/tables.js'

export interface SessionRecord {
  readonly tokenHash: string
  readonly administratorId: number
  readonly csrfToken: string
  readonly created: number
  readonly lastSeen: number
  readonly expires: number
  readonly address: string | undefined
  readonly userAgent: string | undefined
}

function toSession(row: Selectable<SessionsTable>): SessionRecord {
  return {
    tokenHash: row.token_hash,
    administratorId: row.administrator_id,
    csrfToken: row.csrf_token,
    created: Number(row.created),
    lastSeen: Number(row.last_seen),
    expires: Number(row.expires),
    address: row.address ?? undefined,
    userAgent: row.user_agent ?? undefined,
  }
}

/**
 * Ends sessions of an administrator inside another change's transaction (lock-out, new
 * password, deletion), keeping `exceptTokenHash` (the session making the change) if given.
 */
export async function deleteSessionsOf(trx: Trx, administratorId: number, exceptTokenHash?: string): Promise<void> {
  let query = trx.deleteFrom('sessions').where('administrator_id', '=', administratorId)
  if (exceptTokenHash !== undefined) query = query.where('token_hash', '<>', exceptTokenHash)
  await query.execute()
}

/** Stores a new session inside its sign-in's transaction, so a sign-in is audited only with its session. */
export async function insertSession(trx: Trx, session: SessionRecord): Promise<void> {
  await trx
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      administrator_id: session.administratorId,
      csrf_token: session.csrfToken,
      created: session.created,
      last_seen: session.lastSeen,
      expires: session.expires,
      address: session.address ?? null,
      user_agent: session.userAgent ?? null,
    })
    .execute()
}

/** The SQL of console sessions. Only the SHA-256 of a session token is stored. */
export function createSessionStore(store: Store) {
  const { db } = store
  return {
    /** A session and its administrator, read together: one query per console request. */
    async findWithAdministrator(tokenHash: string): Promise<{ session: SessionRecord; administrator: AdministratorRecord } | undefined> {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('administrators', 'administrators.id', 'sessions.administrator_id')
        .selectAll('administrators')
        .select([
          'sessions.token_hash',
          'sessions.administrator_id',
          'sessions.csrf_token',
          'sessions.created as session_created',
          'sessions.last_seen',
          'sessions.expires',
          'sessions.address',
          'sessions.user_agent',
        ])
        .where('sessions.token_hash', '=', tokenHash)
        .executeTakeFirst()
      if (!row) return undefined
      const { token_hash, administrator_id, csrf_token, session_created, last_seen, expires, address, user_agent, ...administrator } = row
      return {
        session: toSession({ token_hash, administrator_id, csrf_token, created: session_created, last_seen, expires, address, user_agent }),
        administrator: toAdministratorRecord(administrator),
      }
    },

    async touch(tokenHash: string, now: number): Promise<void> {
      await db.updateTable('sessions').set({ last_seen: now }).where('token_hash', '=', tokenHash).execute()
    },

    /** Ends a session; with `audit` (a sign-out), its entry is written with the deletion. */
    async delete(tokenHash: string, audit?: AuditRecord): Promise<void> {
      await store.write({ audit }, (trx) =>
        trx.deleteFrom('sessions').where('token_hash', '=', tokenHash).returning('administrator_id as id').executeTakeFirst(),
      )
    },

    /** Removes sessions past their end, so the table does not grow without bound. */
    async deleteExpired(now: number, idleTimeoutMs: number): Promise<void> {
      await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires', '<=', now), eb('last_seen', '<=', now - idleTimeoutMs)]))
        .execute()
    },
  }
}

export type SessionStore = ReturnType<typeof createSessionStore>
