import { principalOf } from '../../http/api-guard.js'
import type { Api } from '../../http/api-types.js'
import { errorResponses } from '../../http/openapi.js'
import { ApiKeyCurrentModifySchema, ApiKeyCurrentSchema, ApiKeySchema } from '../schema.js'
import type { ApiKeyService } from '../service.js'
import { API_KEY_OPERATION } from './common.js'
import { toApiKeyBody } from '../present.js'

const ANY_ROLE = 'Any API key may use this on itself, whatever its role.'

/** `/apikeys/current`: what the authenticating key may see and do to itself. */
export function registerCurrent(app: Api, apiKeys: ApiKeyService): void {
  app.get(
    '/apikeys/current',
    {
      schema: {
        ...API_KEY_OPERATION,
        operationId: 'describeCurrentApiKey',
        summary: 'Describe the Current API Key',
        description: `Describes the API key that authenticates the request. ${ANY_ROLE}`,
        response: { 200: ApiKeyCurrentSchema, ...errorResponses(403) },
      },
    },
    // Not async: the hot path; a returned value is sent without a promise and a microtask.
    (request) => {
      const principal = principalOf(request)
      const { record, lastSignIn, lastSignInAddress } = apiKeys.describeCurrent(principal)
      return toApiKeyBody(record, { lastSignIn, lastSignInAddress, role: principal.role })
    },
  )

  app.post(
    '/apikeys/current',
    {
      schema: {
        ...API_KEY_OPERATION,
        operationId: 'modifyCurrentApiKey',
        summary: 'Modify the Current API Key',
        description: `Changes the name, description, language or time zone of the API key that authenticates the request; its role, lock state and expiry cannot change (403). ${ANY_ROLE}`,
        body: ApiKeyCurrentModifySchema,
        response: { 200: ApiKeyCurrentSchema, ...errorResponses(403, 404, 409, 413) },
      },
    },
    async (request) => {
      const principal = principalOf(request)
      return toApiKeyBody(await apiKeys.modifyCurrent(principal, request.body), { role: principal.role })
    },
  )

  app.post(
    '/apikeys/current/secretkey',
    {
      schema: {
        ...API_KEY_OPERATION,
        operationId: 'replaceCurrentApiSecretKey',
        summary: 'Generate a Secret Key for the Current API Key',
        description: `Gives the API key that authenticates the request a new \`secretKey\`, shown this once; the secret used for this request stops working at once. ${ANY_ROLE}`,
        response: { 200: ApiKeySchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => {
      const { record, secret } = await apiKeys.newCurrentSecret(principalOf(request))
      return toApiKeyBody(record, { secretKey: secret })
    },
  )
}
