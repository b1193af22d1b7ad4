/**
 * The usage limits of an API key: named sliding-window rate limits and a credit balance with
 * an optional refill at midnight in the key's own time zone. One schema drives validation,
 * types and the OpenAPI document of every API key operation that shows or takes them.
 *
 * @module
 */
import { Type, type Static } from 'typebox'

/** Largest `limit` of a rate limit: with the longest duration, limit × duration stays an exact integer in a double. */
export const MAX_RATE_LIMIT = 1_000_000
export const MIN_RATE_LIMIT_DURATION_MS = 1000
export const MAX_RATE_LIMIT_DURATION_MS = 30 * 86_400_000
export const MAX_RATE_LIMITS = 10
/** Largest credit balance or refill amount: far below 2^53, so sums and differences stay exact. */
export const MAX_CREDITS = 1_000_000_000_000

export const RateLimitSchema = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 64,
      pattern: '^[A-Za-z0-9_.:-]+$',
      description: 'Name of the limit, unique within the key (letters, digits, _ . : -), e.g. `default` or `reports`.',
    }),
    limit: Type.Integer({ minimum: 1, maximum: MAX_RATE_LIMIT, description: 'Cost allowed in any sliding window of `duration`.' }),
    duration: Type.Integer({
      minimum: MIN_RATE_LIMIT_DURATION_MS,
      maximum: MAX_RATE_LIMIT_DURATION_MS,
      description: 'Length of the window, in ms (1 s to 30 days).',
    }),
  },
  { additionalProperties: false, description: 'A named rate limit: at most `limit` (in cost) per sliding window of `duration` ms.' },
)

export const RateLimitsSchema = Type.Array(RateLimitSchema, {
  maxItems: MAX_RATE_LIMITS,
  description:
    "The key's rate limits (Keyward extension). Every call the key makes to Keyward's API counts 1 against each (429 with Retry-After beyond); a verification of the key counts its `cost` against each, or against those it names. An empty list removes them.",
})

const CreditRefillSchema = Type.Object(
  {
    interval: Type.Union([Type.Literal('daily'), Type.Literal('monthly')], {
      description: "`daily`: at every midnight in the key's time zone; `monthly`: at midnight starting `day` of each month, in the key's time zone.",
    }),
    amount: Type.Integer({ minimum: 1, maximum: MAX_CREDITS, description: 'The balance a refill sets (it replaces what is left).' }),
    day: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 31, description: 'Monthly only: day of the month (default 1); beyond the last day of a month, its last day.' }),
    ),
  },
  { additionalProperties: false, description: "When and to what the balance is refilled, in the key's own time zone." },
)

const CREDITS_DESCRIPTION = 'A credit balance spent by verifications (Keyward extension); unset means unlimited.'

export const CreditsSchema = Type.Object(
  {
    remaining: Type.Integer({ minimum: 0, maximum: MAX_CREDITS, description: 'Credits left; each verification of the key spends its `cost`.' }),
    refill: Type.Optional(CreditRefillSchema),
  },
  { additionalProperties: false, description: CREDITS_DESCRIPTION },
)

/** What create and modify take: credits, or null to remove them (unlimited). */
export const CreditsInputSchema = Type.Union([CreditsSchema, Type.Null()], { description: `${CREDITS_DESCRIPTION} null removes the balance.` })

/** A rate limit as a verification left it. */
export const RateLimitStateSchema = Type.Object(
  {
    name: Type.String({ description: 'Name of the limit.' }),
    limit: Type.Integer({ description: 'Cost allowed per sliding window.' }),
    remaining: Type.Integer({ description: 'What is left of it in the sliding window, after this verification.' }),
    reset: Type.Integer({ description: 'When the current window ends, ms since epoch.' }),
  },
  { description: 'A rate limit applied to this verification.' },
)

export const CreditsStateSchema = Type.Object(
  { remaining: Type.Integer({ description: 'Credits left after this verification (a due refill applied).' }) },
  { description: "The key's credit balance, when it has one." },
)

export type RateLimit = Static<typeof RateLimitSchema>
export type Credits = Static<typeof CreditsSchema>
export type CreditRefill = NonNullable<Credits['refill']>
