import { principalOf } from '../../http/api-guard.js'
import type { Api } from '../../http/api-types.js'
import { describeOperation, errorResponses } from '../../http/openapi.js'
import { ApiKeyListSchema } from '../schema.js'
import type { ApiKeyService } from '../service.js'
import { API_KEY_OPERATION } from './common.js'
import { toApiKeyBody } from './present.js'

export function registerList(app: Api, apiKeys: ApiKeyService): void {
  app.get(
    '/apikeys',
    {
      schema: {
        ...API_KEY_OPERATION,
        operationId: 'listApiKeys',
        summary: 'List API Keys',
        description: describeOperation('listApiKeys', 'Lists all API keys, by ID. To page through many, use search.'),
        response: { 200: ApiKeyListSchema, ...errorResponses(403) },
      },
    },
    async (request) => ({ apiKeys: (await apiKeys.list(principalOf(request))).map((record) => toApiKeyBody(record)) }),
  )
}
