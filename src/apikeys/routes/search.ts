import { registerSearchOperation } from '../../http/search-route.js'
import { describeOperation } from '../../http/openapi.js'
import type { Api } from '../../http/api-types.js'
import { ApiKeyListSchema } from '../schema.js'
import type { ApiKeyService } from '../service.js'
import { API_KEY_OPERATION } from './common.js'
import { toApiKeyBody } from '../present.js'

export function registerSearch(app: Api, apiKeys: ApiKeyService): void {
  registerSearchOperation(app, {
    url: '/apikeys/search',
    operation: API_KEY_OPERATION,
    operationId: 'searchApiKeys',
    summary: 'Search API Keys',
    description: describeOperation('searchApiKeys', 'Searches API keys with the search-filter language; no body returns all.'),
    listSchema: ApiKeyListSchema,
    listKey: 'apiKeys',
    search: (principal, filter) => apiKeys.search(principal, filter),
    present: (record) => toApiKeyBody(record),
  })
}
