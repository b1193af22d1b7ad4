import { principalOf } from '../../http/api-guard.js'
import type { Api } from '../../http/api-types.js'
import { describeOperation, errorResponses } from '../../http/openapi.js'
import { ApiKeyIdParamsSchema, ApiKeyModifySchema, ApiKeySchema } from '../schema.js'
import type { ApiKeyService } from '../service.js'
import { API_KEY_OPERATION } from './common.js'
import { toApiKeyBody } from '../present.js'

export function registerModify(app: Api, apiKeys: ApiKeyService): void {
  app.post(
    '/apikeys/:apiKeyID',
    {
      schema: {
        ...API_KEY_OPERATION,
        operationId: 'modifyApiKey',
        summary: 'Modify an API Key',
        description: describeOperation(
          'modifyApiKey',
          'Changes the properties sent; the rest stay. `active: false` locks the key out, `active: true` unlocks it and clears its failure count.',
        ),
        params: ApiKeyIdParamsSchema,
        body: ApiKeyModifySchema,
        response: { 200: ApiKeySchema, ...errorResponses(403, 404, 409, 413) },
      },
    },
    async (request) => toApiKeyBody(await apiKeys.modify(principalOf(request), request.params.apiKeyID, request.body)),
  )
}
