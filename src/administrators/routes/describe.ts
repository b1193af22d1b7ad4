import { principalOf } from '../../http/api-guard.js'
import { describeOperation, errorResponses } from '../../http/openapi.js'
import { AdministratorIdParamsSchema, AdministratorSchema } from '../schema.js'
import { toAdministratorBody } from '../present.js'
import { OPERATION } from './common.js'
import type { Api } from '../../http/api-types.js'
import type { AdministratorService } from '../service.js'

export function registerDescribe(app: Api, administrators: AdministratorService): void {
  app.get(
    '/administrators/:administratorID',
    {
      schema: {
        ...OPERATION,
        operationId: 'describeAdministrator',
        summary: 'Describe an Administrator',
        description: describeOperation('describeAdministrator', 'Describes an administrator by ID (never its password).'),
        params: AdministratorIdParamsSchema,
        response: { 200: AdministratorSchema, ...errorResponses(403, 404) },
      },
    },
    async (request) => toAdministratorBody(await administrators.describe(principalOf(request), request.params.administratorID)),
  )
}
