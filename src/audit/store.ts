import type { Selectable } from 'kysely'
import type { SearchableResource } from '../search/search-query.js'
import type { Store } from '../store/store.js'
import { searchableTable } from '../store/searchable-table.js'
import type { AuditEventsTable } from '../store/tables.js'
import type { AuditActorType, AuditRecord, AuditResourceType, FieldChange } from './audit-record.js'

export interface StoredAuditEvent extends AuditRecord {
  readonly id: number
}

export const AUDIT_EVENT_SEARCH: SearchableResource = {
  idColumn: 'id',
  fields: {
    time: { column: 'time', kind: 'date' },
    actorType: { column: 'actor_type', kind: 'choice', choices: ['administrator', 'apikey', 'system', 'anonymous'] },
    actorID: { column: 'actor_id', kind: 'numeric' },
    actorName: { column: 'actor_name', kind: 'string' },
    action: { column: 'action', kind: 'string' },
    resourceType: { column: 'resource_type', kind: 'choice', choices: ['apikey', 'role', 'administrator', 'session'] },
    resourceID: { column: 'resource_id', kind: 'numeric' },
    resourceName: { column: 'resource_name', kind: 'string' },
    address: { column: 'address', kind: 'string' },
  },
}

function toEvent(row: Selectable<AuditEventsTable>): StoredAuditEvent {
  return {
    id: row.id,
    time: Number(row.time),
    actorType: row.actor_type as AuditActorType,
    actorId: row.actor_id ?? undefined,
    actorName: row.actor_name,
    action: row.action,
    resourceType: row.resource_type as AuditResourceType,
    resourceId: row.resource_id ?? undefined,
    resourceName: row.resource_name,
    changes: JSON.parse(row.changes) as Record<string, FieldChange>,
    address: row.address ?? undefined,
  }
}

/** Reading the audit log. */
export function createAuditStore(store: Store) {
  const { db } = store
  return {
    /** Records an event that changes nothing else (a refused sign-in). */
    insert(event: AuditRecord): Promise<void> {
      return store.write({ audit: event })
    },

    /** Events with one of `actions` after an ID, oldest first (the stream of key changes). */
    async findKeyChanges(afterId: number, actions: readonly string[], limit: number): Promise<StoredAuditEvent[]> {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('id', '>', afterId)
        .where('action', 'in', [...actions])
        .orderBy('id')
        .limit(limit)
        .execute()
      return rows.map(toEvent)
    },

    /** The ID of the newest event with one of `actions`, or 0. */
    async lastKeyChangeId(actions: readonly string[]): Promise<number> {
      const row = await db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.max('id').as('id'))
        .where('action', 'in', [...actions])
        .executeTakeFirst()
      return Number(row?.id ?? 0)
    },

    /** The most recent events, newest first. */
    async findRecent(limit: number): Promise<StoredAuditEvent[]> {
      const rows = await db.selectFrom('audit_events').selectAll().orderBy('id', 'desc').limit(limit).execute()
      return rows.map(toEvent)
    },

    ...searchableTable(store, 'audit_events', AUDIT_EVENT_SEARCH, toEvent),
  }
}

export type AuditStore = ReturnType<typeof createAuditStore>
