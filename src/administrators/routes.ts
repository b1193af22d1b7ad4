import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { principalOf } from '../http/api-guard.js'
import { registerSearchOperation } from '../http/search-route.js'
import { EMPTY_RESPONSE, sendEmpty } from '../http/empty-reply.js'
import { API_KEY_SECURITY, describeOperation, errorResponses } from '../http/openapi.js'
import {
  AdministratorCreateSchema,
  AdministratorCurrentModifySchema,
  AdministratorIdParamsSchema,
  AdministratorListSchema,
  AdministratorModifySchema,
  AdministratorSchema,
} from './schema.js'
import type { AdministratorService } from './service.js'
import { toAdministratorBody } from './present.js'

const OPERATION = { tags: ['Administrators'], security: API_KEY_SECURITY }
const CURRENT = { tags: ['Administrators'], security: [{ Session: [] }] }
const SIGNED_IN = 'The signed-in administrator acts on itself, whatever its role (a Keyward extension).'

/** `/administrators`: the six operations of the model API, plus the signed-in administrator's own. */
export const administratorRoutes: FastifyPluginAsyncTypebox<{ administrators: AdministratorService }> = async (app, { administrators }) => {
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

  registerSearchOperation(app, {
    url: '/administrators/search',
    operation: OPERATION,
    operationId: 'searchAdministrators',
    summary: 'Search Administrators',
    description: describeOperation('searchAdministrators', 'Searches administrators with the search-filter language.'),
    listSchema: AdministratorListSchema,
    listKey: 'administrators',
    search: (principal, filter) => administrators.search(principal, filter),
    present: toAdministratorBody,
  })

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
