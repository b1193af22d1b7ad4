import type { Harness } from './harness.js'

/** An audit entry as stored, under the API's field names; absent values are undefined. */
export interface AuditRow {
  readonly ID: number
  readonly time: number
  readonly actorType: string
  readonly actorID: number | undefined
  readonly actorName: string
  readonly action: string
  readonly resourceType: string
  readonly resourceID: number | undefined
  readonly resourceName: string
  readonly changes: Record<string, { from?: unknown; to?: unknown }>
  readonly address: string | undefined
}

/** The ID of the newest audit entry (0 when there is none): a mark to read what follows. */
export async function lastAuditId(h: Harness): Promise<number> {
  const row = await h.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst()
  return Number(row?.id ?? 0)
}

/** The audit entries written after the mark, oldest first, read from the database. */
export async function auditSince(h: Harness, mark: number): Promise<AuditRow[]> {
  const rows = await h.db.selectFrom('audit_events').selectAll().where('id', '>', mark).orderBy('id').execute()
  return rows.map((row) => ({
    ID: row.id,
    time: Number(row.time),
    actorType: row.actor_type,
    actorID: row.actor_id ?? undefined,
    actorName: row.actor_name,
    action: row.action,
    resourceType: row.resource_type,
    resourceID: row.resource_id ?? undefined,
    resourceName: row.resource_name,
    changes: JSON.parse(row.changes),
    address: row.address ?? undefined,
  }))
}

/** Runs `work` and returns what it returned with the audit entries written meanwhile. */
export async function withAudit<T>(h: Harness, work: () => Promise<T>): Promise<{ result: T; entries: AuditRow[] }> {
  const mark = await lastAuditId(h)
  const result = await work()
  return { result, entries: await auditSince(h, mark) }
}

/** Every stored audit row, raw, as one text: to look for values that must never be there. */
export async function auditText(h: Harness): Promise<string> {
  const rows = await h.db.selectFrom('audit_events').selectAll().orderBy('id').execute()
  return JSON.stringify(rows)
}
