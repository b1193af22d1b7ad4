import type { Api } from '../../http/api-types.js'
import { registerDeleteOperation } from '../../http/operation-routes.js'
import type { ApiKeyService } from '../service.js'
import { API_KEYS } from './common.js'

export function registerDelete(app: Api, apiKeys: ApiKeyService): void {
  const doc = {
    operationId: 'deleteApiKey',
    summary: 'Delete an API Key',
    description: 'Deletes an API key; its secret stops working at once. Answers 200 with no body.',
    conflicts: false,
  } as const
  registerDeleteOperation(app, API_KEYS, doc, (principal, id) => apiKeys.delete(principal, id))
}
