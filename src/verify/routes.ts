import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { API_KEY_OPERATION } from '../apikeys/routes/common.js'
import { principalOf } from '../http/api-guard.js'
import { describeOperation, errorResponses } from '../http/openapi.js'
import { VerifyRequestSchema, VerifyResponseSchema } from './schema.js'
import type { VerifyService } from './service.js'

/** `POST /apikeys/verify`: Keyward's extension for the operator's own services. */
export const verifyRoutes: FastifyPluginAsyncTypebox<{ verify: VerifyService }> = async (app, { verify }) => {
  app.post(
    '/apikeys/verify',
    {
      schema: {
        ...API_KEY_OPERATION,
        operationId: 'verifyApiKey',
        summary: 'Verify an API Key (Keyward extension)',
        description: describeOperation(
          'verifyApiKey',
          "Answers whether a secret key your service received is good, who it is and what it may do: always 200 with `valid` and a `code` (VALID, NOT_FOUND, LOCKED, EXPIRED, DISABLED_ROLE, IP_NOT_ALLOWED, INSUFFICIENT_PERMISSIONS, RATE_LIMITED, USAGE_EXCEEDED, checked in that order), and the key's ID, name, role, effective permissions, meta, externalID and expiry when its secret is right. A wrong secret and an unknown key are both NOT_FOUND.",
        ),
        body: VerifyRequestSchema,
        response: { 200: VerifyResponseSchema, ...errorResponses(403, 413) },
      },
    },
    // A plain function: a cached key's answer is sent without a promise and a microtask.
    (request) => verify.verify(principalOf(request), request.body),
  )
}
