import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { registerSearchOperation } from '../http/search-route.js'
import { API_KEY_SECURITY } from '../http/openapi.js'
import { registerListOperation } from '../http/operation-routes.js'
import { AuditEventListSchema } from './schema.js'
import { AUDIT_LIST_LIMIT, type AuditService } from './service.js'
import { toAuditEventBody } from './present.js'

const AUDIT_EVENTS = { group: { tags: ['Audit Events'], security: API_KEY_SECURITY }, path: '/auditevents' }

/** `/auditevents`: the audit log, read-only (a Keyward addition to the model API). */
export const auditRoutes: FastifyPluginAsyncTypebox<{ audit: AuditService }> = async (app, { audit }) => {
  const list = {
    operationId: 'listAuditEvents',
    summary: 'List Audit Events',
    description: `Lists the ${AUDIT_LIST_LIMIT} most recent audit events, newest first; search to filter or page.`,
    list: AuditEventListSchema,
  } as const
  registerListOperation(app, AUDIT_EVENTS, list, async (principal) => ({ auditEvents: (await audit.list(principal)).map(toAuditEventBody) }))

  registerSearchOperation(app, {
    url: '/auditevents/search',
    group: AUDIT_EVENTS.group,
    operationId: 'searchAuditEvents',
    summary: 'Search Audit Events',
    description: 'Searches the audit log with the search-filter language.',
    listSchema: AuditEventListSchema,
    listKey: 'auditEvents',
    search: (principal, filter) => audit.search(principal, filter),
    present: toAuditEventBody,
  })
}
