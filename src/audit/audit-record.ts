import type { Principal } from '../auth/principal.js'
import { redactSecrets } from '../auth/secret-format.js'

export type AuditResourceType = 'apikey' | 'role' | 'administrator' | 'session'
export type AuditActorType = 'administrator' | 'apikey' | 'system' | 'anonymous'

/** One changed field: its old and new value. A password shows neither, only that it changed. */
export interface FieldChange {
  readonly from?: unknown
  readonly to?: unknown
}

/** An entry of the audit log: who did what to which resource, when and from where. */
export interface AuditRecord {
  readonly time: number
  readonly actorType: AuditActorType
  readonly actorId: number | undefined
  readonly actorName: string
  readonly action: string
  readonly resourceType: AuditResourceType
  readonly resourceId: number | undefined
  readonly resourceName: string
  readonly changes: Readonly<Record<string, FieldChange>>
  readonly address: string | undefined
}

/**
 * Why a sign-in (or a re-authentication) failed, kept in its entry as `changes.reason.to` so
 * the log says why without anything that was typed.
 */
export type SignInFailureReason = 'unknown_username' | 'wrong_password' | 'wrong_code' | 'locked_out' | 'locked_manually' | 'console_denied'

/** The `changes` of a failed sign-in's entry. */
export function failureReason(reason: SignInFailureReason): Record<string, FieldChange> {
  return { reason: { to: reason } }
}

/** Someone not (yet) authenticated, e.g. a failed sign-in. */
export interface AnonymousActor {
  readonly kind: 'anonymous'
  readonly name: string
  readonly address: string | undefined
}

export interface AuditDraft {
  readonly action: string
  readonly resourceType: AuditResourceType
  readonly resourceId?: number
  readonly resourceName?: string
  readonly changes?: Readonly<Record<string, FieldChange>>
}

/** Whoever acts: a principal, or an anonymous client. */
export type Actor = Pick<Principal, 'kind' | 'id' | 'name' | 'address'> | AnonymousActor

/**
 * Completes an audit entry with the actor and the time. Anything shaped like a Keyward secret
 * is masked in every text of it (names, changed values), whoever typed it where: the audit log
 * is readable by Auditor.
 */
export function auditRecord(actor: Actor, draft: AuditDraft, time: number): AuditRecord {
  return {
    time,
    actorType: actor.kind === 'session' ? 'administrator' : actor.kind,
    actorId: actor.kind === 'anonymous' || actor.kind === 'system' ? undefined : actor.id,
    actorName: redactSecrets(actor.name),
    action: draft.action,
    resourceType: draft.resourceType,
    resourceId: draft.resourceId,
    resourceName: redactSecrets(draft.resourceName ?? ''),
    changes: redactValues(draft.changes ?? {}),
    address: actor.address,
  }
}

function redactValues<T>(value: T): T {
  if (typeof value === 'string') return redactSecrets(value) as T
  if (Array.isArray(value)) return value.map(redactValues) as T
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValues(v)])) as T
  return value
}

/**
 * The fields whose values differ between `before` and `after`, for the `changes` of an entry.
 * `secretFields` are recorded as changed without their values.
 */
export function diffFields(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  secretFields: readonly string[] = [],
): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {}
  for (const [field, to] of Object.entries(after)) {
    if (to === undefined) continue
    if (secretFields.includes(field)) changes[field] = {}
    else if (JSON.stringify(before[field]) !== JSON.stringify(to)) changes[field] = { from: before[field], to }
  }
  return changes
}
