import { principalOf } from '../../http/api-guard.js'
import type { Api } from '../../http/api-types.js'
import { EMPTY_RESPONSE, sendEmpty } from '../../http/empty-reply.js'
import { describeOperation, errorResponses } from '../../http/openapi.js'
import { ApiKeyIdParamsSchema } from '../schema.js'
import type { ApiKeyService } from '../service.js'
import { API_KEY_OPERATION } from './common.js'

export function registerDelete(app: Api, apiKeys: ApiKeyService): void {
  app.delete(
    '/apikeys/:apiKeyID',
    {
      schema: {
        ...API_KEY_OPERATION,
        operationId: 'deleteApiKey',
        summary: 'Delete an API Key',
        description: describeOperation('deleteApiKey', 'Deletes an API key; its secret stops working at once. Answers 200 with no body.'),
        params: ApiKeyIdParamsSchema,
        response: { 200: EMPTY_RESPONSE, ...errorResponses(403, 404) },
      },
    },
    async (request, reply) => {
      await apiKeys.delete(principalOf(request), request.params.apiKeyID)
      return sendEmpty(reply)
    },
  )
}
