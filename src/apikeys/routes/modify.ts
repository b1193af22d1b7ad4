import type { Api } from '../../http/api-types.js'
import { registerModifyOperation } from '../../http/operation-routes.js'
import { ApiKeyModifySchema } from '../schema.js'
import type { ApiKeyService } from '../service.js'
import { API_KEYS } from './common.js'
import { toApiKeyBody } from '../present.js'

export function registerModify(app: Api, apiKeys: ApiKeyService): void {
  const doc = {
    operationId: 'modifyApiKey',
    summary: 'Modify an API Key',
    description: 'Changes the properties sent; the rest stay. `active: false` locks the key out, `active: true` unlocks it and clears its failure count.',
    body: ApiKeyModifySchema,
  } as const
  registerModifyOperation(app, API_KEYS, doc, async (principal, id, body) => toApiKeyBody(await apiKeys.modify(principal, id, body)))
}
