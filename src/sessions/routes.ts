import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { stringifySetCookie } from 'cookie'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { principalOf, SESSION_COOKIE } from '../http/api-guard.js'
import { EMPTY_RESPONSE, sendEmpty } from '../http/empty-reply.js'
import { errorResponses } from '../http/openapi.js'
import { SessionSchema, SignInSchema } from './schema.js'
import { sessionBody } from './present.js'
import type { SessionService } from './service.js'

const OPERATION = { tags: ['Sessions'] }
const SESSION_SECURITY = [{ Session: [] }]

/** The cookie is HttpOnly and SameSite=Strict, and Secure whenever the request came over TLS. */
function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  void reply.header(
    'set-cookie',
    stringifySetCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', path: '/', maxAge: maxAgeSeconds }),
  )
}

/** `/session`: signing in to the console with a password (and a second factor), and out again. */
export const sessionRoutes: FastifyPluginAsyncTypebox<{ sessions: SessionService }> = async (app, { sessions }) => {
  // Only these routes set the one cookie, written with `cookie` (no plugin hook on every
  // request); the API guard reads it itself (sessionTokenOf).

  app.post(
    '/session',
    {
      config: { public: true },
      schema: {
        ...OPERATION,
        operationId: 'signIn',
        security: [],
        summary: 'Sign In',
        description:
          'Signs an administrator in to the console and sets the session cookie. After the configured number of wrong passwords the administrator is locked out; an address that fails too often gets 429.',
        body: SignInSchema,
        response: { 200: SessionSchema, ...errorResponses(403) },
      },
    },
    async (request, reply) => {
      const signedIn = await sessions.signIn(request.body, { address: request.ip, userAgent: request.headers['user-agent'] })
      setSessionCookie(request, reply, signedIn.token, signedIn.maxAgeSeconds)
      return sessionBody(signedIn)
    },
  )

  app.get(
    '/session',
    {
      schema: {
        ...OPERATION,
        operationId: 'describeSession',
        summary: 'Describe the Session',
        description: 'The signed-in administrator, its role, and the CSRF token of its session.',
        security: SESSION_SECURITY,
        response: { 200: SessionSchema, ...errorResponses(403) },
      },
    },
    async (request) => sessionBody(sessions.describe(principalOf(request))),
  )

  app.delete(
    '/session',
    {
      schema: {
        ...OPERATION,
        operationId: 'signOut',
        summary: 'Sign Out',
        description: 'Ends the session and clears its cookie.',
        security: SESSION_SECURITY,
        response: { 200: EMPTY_RESPONSE, ...errorResponses(403) },
      },
    },
    async (request, reply) => {
      await sessions.signOut(principalOf(request))
      void reply.header('set-cookie', stringifySetCookie(SESSION_COOKIE, '', { path: '/', expires: new Date(0), maxAge: 0 }))
      return sendEmpty(reply)
    },
  )
}
