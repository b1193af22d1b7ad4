/**
 * The verify operation (Keyward extension): a service asks whether a secret key is good,
 * who it is and what it may do.
 *
 * @module
 */
import { Type, type Static } from 'typebox'
import { META_MAX_BYTES } from '../apikeys/setting-limits.js'
import { CreditsStateSchema, RateLimitStateSchema } from '../limits/schema.js'
import { QUERY_MAX_LENGTH } from '../permissions/permission-query.js'

/** Every answer's `code`, in the order the checks run (see `service.ts`). */
export const VERIFY_CODES = [
  'VALID',
  'NOT_FOUND',
  'LOCKED',
  'EXPIRED',
  'DISABLED_ROLE',
  'IP_NOT_ALLOWED',
  'INSUFFICIENT_PERMISSIONS',
  'RATE_LIMITED',
  'USAGE_EXCEEDED',
] as const
export type VerifyCode = (typeof VERIFY_CODES)[number]

/** The audited actions after which a cached verification of a key may be wrong: what the stream of key changes sends. */
export const KEY_CHANGE_ACTIONS = [
  'apikey.modify',
  'apikey.lock',
  'apikey.auto_lock',
  'apikey.unlock',
  'apikey.delete',
  'apikey.new_secret',
  'role.modify',
  'role.delete',
] as const

/** One event's data in the stream of key changes (`GET /apikeys/changes`). */
export const KeyChangeSchema = Type.Object(
  {
    id: Type.Integer({ description: "The audit entry's ID: the event ID to resume after." }),
    action: Type.Enum(KEY_CHANGE_ACTIONS),
    time: Type.Integer({ description: 'When it changed, in ms since epoch.' }),
    keyID: Type.Optional(Type.Integer({ description: 'The key that changed.' })),
    roleID: Type.Optional(Type.Integer({ description: 'The role that changed: every key of this role is affected.' })),
    fields: Type.Array(Type.String(), { description: 'The API names of the fields that changed.' }),
  },
  { description: "One change, as each event's data (JSON) in the stream of key changes." },
)
export type KeyChange = Static<typeof KeyChangeSchema>

export const VerifyRequestSchema = Type.Object(
  {
    secretKey: Type.String({ minLength: 1, maxLength: 256, description: 'The secret key to verify, as your service received it.' }),
    permissions: Type.Optional(
      Type.String({
        maxLength: QUERY_MAX_LENGTH,
        description:
          'A permission query the key must satisfy: permissions joined by AND and OR (AND binds tighter), with parentheses. A bad query is refused with 400.',
        examples: ['invoices.read AND (reports.read OR admin)'],
      }),
    ),
    cost: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 1_000_000, description: "What this request costs against the key's rate limits and credits. Default 1." }),
    ),
    address: Type.Optional(
      Type.String({
        format: 'ip-address',
        maxLength: 64,
        description:
          "The end client's IP address: checked against the key's IP allow-list, and the address whose failed verifications are throttled. A key with an allow-list is refused without it.",
      }),
    ),
    rateLimits: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20, description: "Names of the key's rate limits to apply to this request." }),
    ),
  },
  { additionalProperties: false, description: 'A secret key to verify, and what the request needs.' },
)

export const VerifyResponseSchema = Type.Object(
  {
    valid: Type.Boolean({ description: 'Whether the request may go ahead: true only with code VALID.' }),
    code: Type.Enum(VERIFY_CODES, { description: 'Why (not): one code per check, in the order they run.' }),
    message: Type.String({ description: "The code explained, in the verified key's language (the caller's when the key is not found)." }),
    keyID: Type.Optional(Type.Integer({ description: 'ID of the verified key. This and the fields below come only when the secret is right.' })),
    keyName: Type.Optional(Type.String({ description: 'Name of the verified key.' })),
    roleID: Type.Optional(Type.Integer({ description: "ID of the key's role." })),
    permissions: Type.Optional(Type.Array(Type.String(), { description: "The key's effective application permissions: its role's and its own, sorted." })),
    meta: Type.Optional(Type.Object({}, { additionalProperties: true, description: `The key's meta object (at most ${META_MAX_BYTES} bytes as JSON).` })),
    externalID: Type.Optional(Type.String({ description: "The key owner's ID in your own system." })),
    expiryDate: Type.Optional(Type.Integer({ description: 'When the key expires, ms since epoch.' })),
    rateLimits: Type.Optional(
      Type.Array(RateLimitStateSchema, {
        description: "The key's rate limits this verification was counted against (those named, else all), as it left them.",
      }),
    ),
    credits: Type.Optional(CreditsStateSchema),
    retryAfter: Type.Optional(Type.Integer({ description: 'With RATE_LIMITED: seconds to wait before trying again.' })),
  },
  { description: 'The verdict on a secret key. Always 200 for a well-formed request, whatever the verdict.' },
)

export type VerifyRequest = Static<typeof VerifyRequestSchema>
export type VerifyAnswer = Static<typeof VerifyResponseSchema>
