import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { principalOf } from '../http/api-guard.js'
import { registerSearchOperation } from '../http/search-route.js'
import { API_KEY_SECURITY, describeOperation, errorResponses } from '../http/openapi.js'
import { AuditEventListSchema } from './schema.js'
import { AUDIT_LIST_LIMIT, type AuditService } from './service.js'
import { toAuditEventBody } from './present.js'

const OPERATION = { tags: ['Audit Events'], security: API_KEY_SECURITY }

/** `/auditevents`: the audit log, read-only (a Keyward addition to the model API). */
export const auditRoutes: FastifyPluginAsyncTypebox<{ audit: AuditService }> = async (app, { audit }) => {
  app.get(
    '/auditevents',
    {
      schema: {
        ...OPERATION,
        operationId: 'listAuditEvents',
        summary: 'List Audit Events',
        description: describeOperation('listAuditEvents', `Lists the ${AUDIT_LIST_LIMIT} most recent audit events, newest first; search to filter or page.`),
        response: { 200: AuditEventListSchema, ...errorResponses(403) },
      },
    },
    async (request) => ({ auditEvents: (await audit.list(principalOf(request))).map(toAuditEventBody) }),
  )

  registerSearchOperation(app, {
    url: '/auditevents/search',
    operation: OPERATION,
    operationId: 'searchAuditEvents',
    summary: 'Search Audit Events',
    description: describeOperation('searchAuditEvents', 'Searches the audit log with the search-filter language.'),
    listSchema: AuditEventListSchema,
    listKey: 'auditEvents',
    search: (principal, filter) => audit.search(principal, filter),
    present: toAuditEventBody,
  })
}
