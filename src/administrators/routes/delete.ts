import { principalOf } from '../../http/api-guard.js'
import { EMPTY_RESPONSE, sendEmpty } from '../../http/empty-reply.js'
import { describeOperation, errorResponses } from '../../http/openapi.js'
import { AdministratorIdParamsSchema } from '../schema.js'
import { OPERATION } from './common.js'
import type { Api } from '../../http/api-types.js'
import type { AdministratorService } from '../service.js'

export function registerDelete(app: Api, administrators: AdministratorService): void {
  app.delete(
    '/administrators/:administratorID',
    {
      schema: {
        ...OPERATION,
        operationId: 'deleteAdministrator',
        summary: 'Delete an Administrator',
        description: describeOperation(
          'deleteAdministrator',
          'Deletes an administrator and ends its sessions. Nobody can delete themselves or the last active administrator with Full Access. Answers 200 with no body.',
        ),
        params: AdministratorIdParamsSchema,
        response: { 200: EMPTY_RESPONSE, ...errorResponses(403, 404, 409) },
      },
    },
    async (request, reply) => {
      await administrators.delete(principalOf(request), request.params.administratorID)
      return sendEmpty(reply)
    },
  )
}
