import type { FastifyInstance, FastifySchema } from 'fastify'
import { type OperationId, OPERATIONS, rightNote } from '../auth/operations.js'
import { API_VERSION, SESSION_COOKIE } from './api-guard.js'
import { ErrorSchema } from './schemas.js'

/** Both ways to send an API secret key, as the model API's OpenAPI document names them, and a console session. */
export const API_KEY_SECURITY: { [scheme: string]: string[] }[] = [{ Trend_Micro_Cloud_One_API_Key: [] }, { Legacy_API_Key: [] }, { Session: [] }]

export const SECURITY_SCHEMES = {
  Trend_Micro_Cloud_One_API_Key: {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description: 'An API secret key as `Authorization: ApiKey <secret>` (`Bearer` is accepted too).',
  },
  Legacy_API_Key: { type: 'apiKey', in: 'header', name: 'api-secret-key', description: 'An API secret key as `api-secret-key: <secret>`.' },
  Session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'A console session (POST /session). Requests that change something must also send X-CSRF-Token.',
  },
} as const

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is invalid; the message names the field.',
  401: 'The credentials are missing, malformed, wrong, locked out or expired.',
  403: 'The credentials are valid but lack the right for this operation.',
  404: 'The resource does not exist.',
  409: 'The change conflicts with another resource (e.g. a name in use).',
  413: 'The request body is too large.',
  429: 'Too many requests or failed authentications; see Retry-After.',
}

/** An operation's description, ending with the right it needs as the rights table says. */
export function describeOperation(operation: OperationId, description: string): string {
  return `${description}${rightNote(operation)}`
}

/**
 * Refuses, while the app is built, a documented API route that the rights table does not know:
 * no guard, description or rights-matrix case would cover what it needs.
 */
export function requireRightsTableEntries(api: FastifyInstance): void {
  api.addHook('onRoute', ({ method, url, schema }) => {
    const documented = schema as (FastifySchema & { hide?: boolean; operationId?: string }) | undefined
    if (documented?.hide) return
    const operation = documented?.operationId
    if (operation === undefined || !Object.hasOwn(OPERATIONS, operation)) {
      throw new Error(`${String(method)} ${url}: operation ${operation ?? '(no operationId)'} has no entry in the rights table (src/auth/operations.ts)`)
    }
  })
}

/** Error responses of an operation, each with the shared `{message, code}` body. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries([400, 401, 429, ...statuses].map((status) => [status, { ...ErrorSchema, description: ERROR_DESCRIPTIONS[status] }]))
}

/**
 * The `api-version` header every operation requires. It is added to the document only (see
 * `documentApiVersion`): the API guard checks it, so Ajv need not validate it again per request.
 */
const API_VERSION_HEADER = {
  type: 'object',
  required: ['api-version'],
  properties: { 'api-version': { type: 'string', enum: [API_VERSION], description: `The version of the API being called: ${API_VERSION}.` } },
} as const

/** A @fastify/swagger `transform` that documents the api-version header on every operation. */
export function documentApiVersion({ schema, url }: { schema: FastifySchema & { hide?: boolean }; url: string }) {
  return { schema: schema.hide ? schema : { ...schema, headers: API_VERSION_HEADER }, url }
}
