import { principalOf } from '../../http/authenticate.js'
import type { Api } from '../../http/api-types.js'
import { errorResponses } from '../../http/openapi.js'
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
        description: 'Deletes an API key; its secret stops working at once. Answers 200 with no body. Needs `canDeleteApiKeys`.',
        params: ApiKeyIdParamsSchema,
        response: { 200: { type: 'null', description: 'Deleted.' }, ...errorResponses(403, 404) },
      },
    },
    async (request, reply) => {
      await apiKeys.delete(principalOf(request), request.params.apiKeyID)
      // The model API answers a delete with 200 and no body at all (not `null`).
      return reply.code(200).send(undefined as unknown as null)
    },
  )
}
