import type { Api } from '../../http/api-types.js'
import { registerCreateOperation } from '../../http/operation-routes.js'
import { ApiKeyCreateSchema } from '../schema.js'
import type { ApiKeyService } from '../service.js'
import { API_KEYS } from './common.js'
import { toApiKeyBody } from '../present.js'

export function registerCreate(app: Api, apiKeys: ApiKeyService): void {
  const doc = {
    operationId: 'createApiKey',
    summary: 'Create an API Key',
    description: 'Creates an API key and returns it with its `secretKey`, which is shown this once and never again.',
    body: ApiKeyCreateSchema,
  } as const
  registerCreateOperation(app, API_KEYS, doc, async (principal, body) => {
    const { record, secret } = await apiKeys.create(principal, body)
    return toApiKeyBody(record, { secretKey: secret })
  })
}
