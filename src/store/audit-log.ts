import type { Transaction } from 'kysely'
import type { AuditRecord } from '../audit/audit-record.js'
import type { Tables } from './tables.js'

/**
 * Writes an audit entry inside the transaction of the change it records, so a change is never
 * without its entry. Only the write path ({@link Store.write}) and events that change nothing
 * else (a sign-in) call this; nothing updates or deletes entries.
 */
export async function insertAuditEvent(trx: Transaction<Tables>, event: AuditRecord): Promise<void> {
  await trx
    .insertInto('audit_events')
    .values({
      time: event.time,
      actor_type: event.actorType,
      actor_id: event.actorId ?? null,
      actor_name: event.actorName,
      action: event.action,
      resource_type: event.resourceType,
      resource_id: event.resourceId ?? null,
      resource_name: event.resourceName,
      changes: JSON.stringify(event.changes),
      address: event.address ?? null,
    })
    .execute()
}
