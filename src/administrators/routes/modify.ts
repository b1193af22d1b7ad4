import { principalOf } from '../../http/api-guard.js'
import { describeOperation, errorResponses } from '../../http/openapi.js'
import { AdministratorIdParamsSchema, AdministratorModifySchema, AdministratorSchema } from '../schema.js'
import { toAdministratorBody } from '../present.js'
import { OPERATION } from './common.js'
import type { Api } from '../../http/api-types.js'
import type { AdministratorService } from '../service.js'

export function registerModify(app: Api, administrators: AdministratorService): void {
  app.post(
    '/administrators/:administratorID',
    {
      schema: {
        ...OPERATION,
        operationId: 'modifyAdministrator',
        summary: 'Modify an Administrator',
        description: describeOperation(
          'modifyAdministrator',
          'Changes the properties sent; the rest stay. `password` sets a new password; `active: false` locks the administrator out, `active: true` unlocks it; `mfaType: none` turns its second factor off.',
        ),
        params: AdministratorIdParamsSchema,
        body: AdministratorModifySchema,
        response: { 200: AdministratorSchema, ...errorResponses(403, 404, 409, 413) },
      },
    },
    async (request) => toAdministratorBody(await administrators.modify(principalOf(request), request.params.administratorID, request.body)),
  )
}
