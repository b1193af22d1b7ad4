import { principalOf } from '../../http/api-guard.js'
import type { Api } from '../../http/api-types.js'
import { describeOperation, errorResponses } from '../../http/openapi.js'
import { ApiKeyIdParamsSchema, ApiKeySchema } from '../schema.js'
import type { ApiKeyService } from '../service.js'
import { API_KEY_OPERATION } from './common.js'
import { toApiKeyBody } from '../present.js'

export function registerNewSecret(app: Api, apiKeys: ApiKeyService): void {
  app.post(
    '/apikeys/:apiKeyID/secretkey',
    {
      schema: {
        ...API_KEY_OPERATION,
        operationId: 'replaceApiSecretKey',
        summary: 'Generate an API Secret Key',
        description: describeOperation(
          'replaceApiSecretKey',
          'Gives the API key a new `secretKey`, shown this once; the previous secret stops working at once. ID and settings stay. Any body is ignored.',
        ),
        params: ApiKeyIdParamsSchema,
        response: { 200: ApiKeySchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => {
      const { record, secret } = await apiKeys.newSecret(principalOf(request), request.params.apiKeyID)
      return toApiKeyBody(record, { secretKey: secret })
    },
  )
}
