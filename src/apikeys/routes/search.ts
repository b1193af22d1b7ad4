import { principalOf } from '../../http/api-guard.js'
import type { Api } from '../../http/api-types.js'
import { errorResponses } from '../../http/openapi.js'
import { SearchFilterSchema } from '../../search/schema.js'
import { ApiKeyListSchema } from '../schema.js'
import type { ApiKeyService } from '../service.js'
import { API_KEY_OPERATION } from './common.js'
import { toApiKeyBody } from './present.js'

export function registerSearch(app: Api, apiKeys: ApiKeyService): void {
  app.post(
    '/apikeys/search',
    {
      schema: {
        ...API_KEY_OPERATION,
        operationId: 'searchApiKeys',
        summary: 'Search API Keys',
        description: 'Searches API keys with the search-filter language; no body returns all. Needs `canViewApiKeys`.',
        body: SearchFilterSchema,
        response: { 200: ApiKeyListSchema, ...errorResponses(403, 413) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request)
      const records = await apiKeys.search(principal, request.body)
      if (request.body.countTotal) void reply.header('x-total-count', String(await apiKeys.count(principal, request.body)))
      return { apiKeys: records.map((record) => toApiKeyBody(record)) }
    },
  )
}
