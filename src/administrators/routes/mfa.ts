import { Type } from 'typebox'
import { principalOf } from '../../http/api-guard.js'
import { errorResponses } from '../../http/openapi.js'
import { AdministratorSchema } from '../schema.js'
import { toAdministratorBody } from '../present.js'
import { CURRENT, SIGNED_IN } from './common.js'
import type { Api } from '../../http/api-types.js'
import type { AdministratorService } from '../service.js'

export function registerMfa(app: Api, administrators: AdministratorService): void {
  app.post(
    '/administrators/current/mfa/enrolment',
    {
      schema: {
        ...CURRENT,
        operationId: 'startMfaEnrolment',
        summary: 'Start Two-factor Enrolment',
        description: `Makes a new authenticator secret for the signed-in administrator, pending until activated with a code. ${SIGNED_IN}`,
        response: {
          200: Type.Object({
            secret: Type.String({ description: 'Base32 secret for the authenticator app.' }),
            uri: Type.String({ description: 'otpauth:// URI (for a QR code).' }),
          }),
          ...errorResponses(403, 409),
        },
      },
    },
    async (request) => administrators.startMfaEnrolment(principalOf(request)),
  )

  app.post(
    '/administrators/current/mfa/activation',
    {
      schema: {
        ...CURRENT,
        operationId: 'activateMfa',
        summary: 'Activate Two-factor Authentication',
        description: `Turns the second factor on when \`code\` matches the pending secret and \`password\` is the present password, and returns ten one-time recovery codes, shown this once. ${SIGNED_IN}`,
        body: Type.Object(
          {
            code: Type.String({ minLength: 1, maxLength: 16, description: 'Six-digit code from the app.' }),
            password: Type.String({ minLength: 1, maxLength: 1024, description: 'The present password.' }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ administrator: AdministratorSchema, recoveryCodes: Type.Array(Type.String(), { description: 'One-time recovery codes.' }) }),
          ...errorResponses(403, 409),
        },
      },
    },
    async (request) => {
      const { administrator, recoveryCodes } = await administrators.activateMfa(principalOf(request), request.body.code, request.body.password)
      return { administrator: toAdministratorBody(administrator), recoveryCodes }
    },
  )

  app.post(
    '/administrators/current/mfa/deactivation',
    {
      schema: {
        ...CURRENT,
        operationId: 'deactivateMfa',
        summary: 'Turn Two-factor Authentication Off',
        description: `Turns the signed-in administrator's second factor off; needs its password and a code from the app (or a recovery code). ${SIGNED_IN}`,
        body: Type.Object(
          {
            password: Type.String({ minLength: 1, maxLength: 1024, description: 'The present password.' }),
            code: Type.String({ minLength: 1, maxLength: 64, description: 'A code from the authenticator app, or a recovery code.' }),
          },
          { additionalProperties: false },
        ),
        response: { 200: AdministratorSchema, ...errorResponses(403) },
      },
    },
    async (request) => toAdministratorBody(await administrators.deactivateMfa(principalOf(request), request.body.password, request.body.code)),
  )
}
