import { principalOf } from '../../http/api-guard.js'
import { errorResponses } from '../../http/openapi.js'
import { AdministratorCurrentModifySchema, AdministratorSchema } from '../schema.js'
import { toAdministratorBody } from '../present.js'
import { CURRENT, SIGNED_IN } from './common.js'
import type { Api } from '../../http/api-types.js'
import type { AdministratorService } from '../service.js'

export function registerCurrent(app: Api, administrators: AdministratorService): void {
  app.get(
    '/administrators/current',
    {
      schema: {
        ...CURRENT,
        operationId: 'describeCurrentAdministrator',
        summary: 'Describe the Signed-in Administrator',
        description: SIGNED_IN,
        response: { 200: AdministratorSchema, ...errorResponses(403) },
      },
    },
    async (request) => toAdministratorBody(administrators.describeCurrent(principalOf(request))),
  )

  app.post(
    '/administrators/current',
    {
      schema: {
        ...CURRENT,
        operationId: 'modifyCurrentAdministrator',
        summary: 'Modify the Signed-in Administrator',
        description: `Changes the signed-in administrator's profile, language, time zone, time format or password (with \`currentPassword\`); other sessions end when the password changes. ${SIGNED_IN}`,
        body: AdministratorCurrentModifySchema,
        response: { 200: AdministratorSchema, ...errorResponses(403, 409, 413) },
      },
    },
    async (request) => toAdministratorBody(await administrators.modifyCurrent(principalOf(request), request.body)),
  )
}
