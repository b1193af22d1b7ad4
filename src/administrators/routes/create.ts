import { principalOf } from '../../http/api-guard.js'
import { describeOperation, errorResponses } from '../../http/openapi.js'
import { AdministratorCreateSchema, AdministratorSchema } from '../schema.js'
import { toAdministratorBody } from '../present.js'
import { OPERATION } from './common.js'
import type { Api } from '../../http/api-types.js'
import type { AdministratorService } from '../service.js'

export function registerCreate(app: Api, administrators: AdministratorService): void {
  app.post(
    '/administrators',
    {
      schema: {
        ...OPERATION,
        operationId: 'createAdministrator',
        summary: 'Create an Administrator',
        description: describeOperation('createAdministrator', 'Creates an administrator; the password must satisfy the password policy.'),
        body: AdministratorCreateSchema,
        response: { 200: AdministratorSchema, ...errorResponses(403, 409, 413) },
      },
    },
    async (request) => toAdministratorBody(await administrators.create(principalOf(request), request.body)),
  )
}
