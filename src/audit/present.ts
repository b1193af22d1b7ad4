import type { AuditEventBody } from './schema.js'
import type { StoredAuditEvent } from './store.js'

/** An audit event as the API shows it. */
export function toAuditEventBody(event: StoredAuditEvent): AuditEventBody {
  return {
    ID: event.id,
    time: event.time,
    actorType: event.actorType,
    actorID: event.actorId,
    actorName: event.actorName,
    action: event.action,
    resourceType: event.resourceType,
    resourceID: event.resourceId,
    resourceName: event.resourceName,
    changes: event.changes as AuditEventBody['changes'],
    address: event.address,
  }
}
