import { principalOf } from '../../http/api-guard.js'
import { describeOperation, errorResponses } from '../../http/openapi.js'
import { AdministratorListSchema } from '../schema.js'
import { toAdministratorBody } from '../present.js'
import { OPERATION } from './common.js'
import type { Api } from '../../http/api-types.js'
import type { AdministratorService } from '../service.js'

export function registerList(app: Api, administrators: AdministratorService): void {
  app.get(
    '/administrators',
    {
      schema: {
        ...OPERATION,
        operationId: 'listAdministrators',
        summary: 'List Administrators',
        description: describeOperation('listAdministrators', 'Lists all administrators, by ID.'),
        response: { 200: AdministratorListSchema, ...errorResponses(403) },
      },
    },
    async (request) => ({ administrators: (await administrators.list(principalOf(request))).map(toAdministratorBody) }),
  )
}
