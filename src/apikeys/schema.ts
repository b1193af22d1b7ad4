/**
 * The API key resource: one set of property schemas drives request validation, response
 * serialisation, the TypeScript types and the OpenAPI document.
 *
 * @module
 */
import { Type, type Static } from 'typebox'
import { IP_ALLOW_LIST_MAX_ITEMS } from '../auth/ip-allow-list.js'
import { IdSchema, LocaleSchema, NAME, SINGLE_LINE, TimestampSchema, TimeZoneSchema } from '../http/schemas.js'
import { CreditsInputSchema, CreditsSchema, RateLimitsSchema } from '../limits/schema.js'
import { PermissionsSchema } from '../permissions/schema.js'
import { DateTimeInputSchema } from '../time/date-time-input.js'
import { EXTERNAL_ID_MAX_LENGTH, META_MAX_BYTES, TAG_MAX_LENGTH, TAGS_MAX_ITEMS } from './setting-limits.js'

const writable = {
  keyName: Type.String({
    minLength: 1,
    maxLength: 255,
    ...NAME,
    description: 'Display name of the API key; unique (whatever the case or compatibility form). Searchable as String.',
  }),
  description: Type.String({ maxLength: 2000, description: 'Description of the API key. Searchable as String.' }),
  locale: LocaleSchema('Language of the API key: messages to it are in this language. Searchable as Choice.'),
  roleID: IdSchema('ID of the role assigned to the API key. Searchable as Numeric.'),
  timeZone: TimeZoneSchema('Time zone of the API key: date-times it sends without an offset are read in it. Searchable as String.'),
  active: Type.Boolean({
    description: 'If true, the API key can authenticate; if false, it is locked out (denied permission to authenticate). Searchable as Boolean.',
  }),
}

const META = `A JSON object returned when the API key is verified, at most ${META_MAX_BYTES} bytes as JSON.`
const EXTERNAL_ID = "The key owner's ID in your own system; returned on verification. Searchable as String."

/** Keyward's settings for keys that protect the operator's own services (Keyward extension). */
const settings = {
  permissions: PermissionsSchema('Application permissions the API key holds directly, beside those of its role; checked by the verify operation.'),
  meta: Type.Object({}, { additionalProperties: true, description: META, examples: [{ plan: 'pro', tenant: 'acme' }] }),
  externalID: Type.String({ minLength: 1, maxLength: EXTERNAL_ID_MAX_LENGTH, description: EXTERNAL_ID }),
  ipAllowList: Type.Array(Type.String({ format: 'ip-range', maxLength: 64 }), {
    maxItems: IP_ALLOW_LIST_MAX_ITEMS,
    description:
      "IPv4 and IPv6 addresses and CIDR ranges the API key may be used from, for Keyward's API and for verification; an IPv4-mapped IPv6 address is its IPv4 address. Empty or unset: any address.",
    examples: [['192.0.2.0/24', '2001:db8::/32']],
  }),
  // A blank tag would be empty once trimmed.
  tags: Type.Array(Type.String({ minLength: 1, maxLength: TAG_MAX_LENGTH, pattern: '\\S', ...SINGLE_LINE }), {
    maxItems: TAGS_MAX_ITEMS,
    description: `Labels operators group API keys by: at most ${TAGS_MAX_ITEMS}, each 1-${TAG_MAX_LENGTH} characters, stored trimmed and without repeats. Empty or unset: none.`,
    examples: [['billing', 'team-a']],
  }),
}

/** The settings as create and modify take them: `null` removes meta and externalID. */
const settingsInput = {
  ...settings,
  meta: Type.Union([settings.meta, Type.Null()], { description: `${META} null removes it.` }),
  externalID: Type.Union([settings.externalID, Type.Null()], { description: `${EXTERNAL_ID} null removes it.` }),
}

const readOnly = {
  created: TimestampSchema("Time of the API key's creation, ms since epoch. Searchable as Date."),
  lastSignIn: TimestampSchema("Time of the API key's last successful authentication, ms since epoch. Searchable as Date."),
  unlockTime: TimestampSchema('When a locked-out API key will be unlocked automatically, ms since epoch. Searchable as Date.'),
  unsuccessfulSignInAttempts: Type.Integer({
    readOnly: true,
    description: 'Failed authentications since the last successful one. Searchable as Numeric.',
  }),
  secretKey: Type.String({
    readOnly: true,
    description: 'Secret key to authenticate with. Only returned when creating an API key or generating a new secret key.',
  }),
  serviceAccount: Type.Boolean({ readOnly: true, description: 'Always false: Keyward has no tenants. Searchable as Boolean.' }),
  ID: Type.Integer({ readOnly: true, description: 'ID of the API key. Searchable as ID.' }),
  lastSignInAddress: Type.String({ readOnly: true, description: 'Client address of the last successful authentication (Keyward extension).' }),
  createdByAdministratorID: Type.Integer({ readOnly: true, description: 'ID of the administrator who created the API key (Keyward extension).' }),
  createdByApiKeyID: Type.Integer({ readOnly: true, description: 'ID of the API key that created this API key (Keyward extension).' }),
}

const currentOnly = {
  roleURN: Type.String({ readOnly: true, description: 'Uniform resource name of the role assigned to the API key.' }),
  tenantID: Type.Integer({ readOnly: true, description: 'Not used by Keyward.' }),
  tenantGUID: Type.String({ readOnly: true, description: 'Not used by Keyward.' }),
  cloudOneAccountID: Type.String({ readOnly: true, description: 'Not used by Keyward.' }),
}

const expiryDate = Type.Integer({ description: 'Time the API key expires, ms since epoch; unset for no expiry. Searchable as Date.' })
const expiryDateInput = Type.Union([DateTimeInputSchema, Type.Null()], {
  description:
    "When the API key expires: ms since epoch or ISO 8601; a date alone means the end of that day in the key's time zone. null or 0 removes the expiry.",
})

const options = { additionalProperties: false }

/** Usage limits (`src/limits/`): what the API shows, and what create and modify take. */
const limits = { rateLimits: RateLimitsSchema, credits: CreditsSchema }
const limitsInput = { rateLimits: RateLimitsSchema, credits: CreditsInputSchema }

/** An API key as the API returns it. Unset properties are left out. */
export const ApiKeySchema = Type.Partial(Type.Object({ ...writable, expiryDate, ...limits, ...settings, ...readOnly }), {
  description: 'An API key.',
})

export const ApiKeyCurrentSchema = Type.Partial(Type.Object({ ...writable, expiryDate, ...limits, ...settings, ...readOnly, ...currentOnly }), {
  description: 'The API key that authenticates the request.',
})

/** What creating an API key takes; read-only properties sent back are ignored. */
export const ApiKeyCreateSchema = Type.Object(
  {
    keyName: writable.keyName,
    roleID: writable.roleID,
    description: Type.Optional(writable.description),
    locale: Type.Optional(writable.locale),
    timeZone: Type.Optional(writable.timeZone),
    active: Type.Optional(writable.active),
    expiryDate: Type.Optional(expiryDateInput),
    ...Type.Partial(Type.Object(limitsInput)).properties,
    ...Type.Partial(Type.Object(settingsInput)).properties,
    ...Type.Partial(Type.Object(readOnly)).properties,
  },
  {
    ...options,
    description:
      "A new API key. keyName and roleID are required; locale and timeZone default to the creator's; rateLimits defaults to the server's default rate limit.",
  },
)

/** What modifying an API key takes: only the properties to change. */
export const ApiKeyModifySchema = Type.Partial(Type.Object({ ...writable, expiryDate: expiryDateInput, ...limitsInput, ...settingsInput, ...readOnly }), {
  ...options,
  description: 'Changes to an API key; properties left out are unchanged and read-only properties are ignored.',
})

/** What modifying the current API key takes; role, lock state and expiry cannot change. */
export const ApiKeyCurrentModifySchema = Type.Partial(
  Type.Object({ ...writable, expiryDate: expiryDateInput, ...limitsInput, ...settingsInput, ...readOnly, ...currentOnly }),
  {
    ...options,
    description: `Changes to the API key that authenticates the request: keyName, description, locale and timeZone. ${listed(['roleID', 'active', 'expiryDate', ...Object.keys(limitsInput), ...Object.keys(settingsInput)])} are accepted only unchanged.`,
  },
)

/** Names as prose: `a, b and c`. */
function listed(names: readonly string[]): string {
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

export const ApiKeyListSchema = Type.Object({ apiKeys: Type.Array(ApiKeySchema) }, { description: 'API keys.' })

export const ApiKeyIdParamsSchema = Type.Object({ apiKeyID: IdSchema('ID of the API key.') })

export type ApiKeyCurrentBody = Static<typeof ApiKeyCurrentSchema>
export type ApiKeyCreateInput = Static<typeof ApiKeyCreateSchema>
export type ApiKeyModifyInput = Static<typeof ApiKeyModifySchema>
export type ApiKeyCurrentModifyInput = Static<typeof ApiKeyCurrentModifySchema>
