import { principalOf } from '../../http/api-guard.js'
import type { Api } from '../../http/api-types.js'
import { describeOperation, errorResponses } from '../../http/openapi.js'
import { ApiKeyCreateSchema, ApiKeySchema } from '../schema.js'
import type { ApiKeyService } from '../service.js'
import { API_KEY_OPERATION } from './common.js'
import { toApiKeyBody } from '../present.js'

export function registerCreate(app: Api, apiKeys: ApiKeyService): void {
  app.post(
    '/apikeys',
    {
      schema: {
        ...API_KEY_OPERATION,
        operationId: 'createApiKey',
        summary: 'Create an API Key',
        description: describeOperation('createApiKey', 'Creates an API key and returns it with its `secretKey`, which is shown this once and never again.'),
        body: ApiKeyCreateSchema,
        response: { 200: ApiKeySchema, ...errorResponses(403, 409, 413) },
      },
    },
    async (request) => {
      const { record, secret } = await apiKeys.create(principalOf(request), request.body)
      return toApiKeyBody(record, { secretKey: secret })
    },
  )
}
