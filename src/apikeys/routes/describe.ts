import { principalOf } from '../../http/api-guard.js'
import type { Api } from '../../http/api-types.js'
import { describeOperation, errorResponses } from '../../http/openapi.js'
import { ApiKeyIdParamsSchema, ApiKeySchema } from '../schema.js'
import type { ApiKeyService } from '../service.js'
import { API_KEY_OPERATION } from './common.js'
import { toApiKeyBody } from '../present.js'

export function registerDescribe(app: Api, apiKeys: ApiKeyService): void {
  app.get(
    '/apikeys/:apiKeyID',
    {
      schema: {
        ...API_KEY_OPERATION,
        operationId: 'describeApiKey',
        summary: 'Describe an API Key',
        description: describeOperation('describeApiKey', 'Describes an API key by ID (never its secret).'),
        params: ApiKeyIdParamsSchema,
        response: { 200: ApiKeySchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => toApiKeyBody(await apiKeys.describe(principalOf(request), request.params.apiKeyID)),
  )
}
