import { registerSearchOperation } from '../../http/search-route.js'
import type { Api } from '../../http/api-types.js'
import { ApiKeyListSchema } from '../schema.js'
import type { ApiKeyService } from '../service.js'
import { API_KEYS } from './common.js'
import { toApiKeyBody } from '../present.js'

export function registerSearch(app: Api, apiKeys: ApiKeyService): void {
  registerSearchOperation(app, {
    url: '/apikeys/search',
    group: API_KEYS.group,
    operationId: 'searchApiKeys',
    summary: 'Search API Keys',
    description: 'Searches API keys with the search-filter language; no body returns all.',
    listSchema: ApiKeyListSchema,
    listKey: 'apiKeys',
    search: (principal, filter) => apiKeys.search(principal, filter),
    present: (record) => toApiKeyBody(record),
  })
}
