import type { Api } from '../../http/api-types.js'
import { registerDescribeOperation } from '../../http/operation-routes.js'
import type { ApiKeyService } from '../service.js'
import { API_KEYS } from './common.js'
import { toApiKeyBody } from '../present.js'

export function registerDescribe(app: Api, apiKeys: ApiKeyService): void {
  const doc = { operationId: 'describeApiKey', summary: 'Describe an API Key', description: 'Describes an API key by ID (never its secret).' } as const
  registerDescribeOperation(app, API_KEYS, doc, async (principal, id) => toApiKeyBody(await apiKeys.describe(principal, id)))
}
