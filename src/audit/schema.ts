/**
 * The audit event resource (a Keyward addition to the model API): read-only.
 *
 * @module
 */
import { Type, type Static } from 'typebox'

export const AuditEventSchema = Type.Object(
  {
    ID: Type.Integer({ description: 'ID of the event. Searchable as ID.' }),
    time: Type.Integer({ description: 'When it happened, ms since epoch. Searchable as Date.' }),
    actorType: Type.Enum(['administrator', 'apikey', 'system', 'anonymous'], { description: 'Who acted. Searchable as Choice.' }),
    actorID: Type.Optional(Type.Integer({ description: 'ID of the administrator or API key that acted. Searchable as Numeric.' })),
    actorName: Type.String({ description: 'Username or key name of the actor (for a failed sign-in, the username tried). Searchable as String.' }),
    action: Type.String({ description: 'What was done, e.g. apikey.create, apikey.lock, session.sign_in. Searchable as String.' }),
    resourceType: Type.Enum(['apikey', 'role', 'administrator', 'session'], { description: 'Kind of resource acted on. Searchable as Choice.' }),
    resourceID: Type.Optional(Type.Integer({ description: 'ID of the resource. Searchable as Numeric.' })),
    resourceName: Type.String({ description: 'Name of the resource at the time. Searchable as String.' }),
    changes: Type.Record(Type.String(), Type.Object({ from: Type.Optional(Type.Unknown()), to: Type.Optional(Type.Unknown()) }), {
      description:
        'Changed fields with old and new values; secrets and passwords appear only as changed, never with a value. A failed sign-in has why in reason.to (unknown_username, wrong_password, wrong_code, locked_out, locked_manually, console_denied).',
    }),
    address: Type.Optional(Type.String({ description: 'Client address. Searchable as String.' })),
  },
  { description: 'An entry of the audit log. Entries cannot be changed or deleted.' },
)

export const AuditEventListSchema = Type.Object({ auditEvents: Type.Array(AuditEventSchema) }, { description: 'Audit log entries.' })

export type AuditEventBody = Static<typeof AuditEventSchema>
