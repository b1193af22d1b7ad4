import { ALL_RIGHTS, type Right } from '../../src/roles/rights.js'
import { quickAdministrator } from './quick-administrator.js'
import { expectStatus, type Harness } from './harness.js'

/** One operation of `/api/openapi.json`, with the right its description says it needs. */
export interface DocumentedOperation {
  readonly method: 'GET' | 'POST' | 'DELETE'
  /** The path under /api, with `{placeholders}`. */
  readonly path: string
  readonly operationId: string
  /** From "Needs `canX`" in the description; undefined when the operation needs no right. */
  readonly right: Right | undefined
  /** Whether the operation takes no credentials (`security: []`). */
  readonly isPublic: boolean
}

const NEEDS = /Needs `(\w+)`/

/** Reads the operations from the OpenAPI document the app serves. */
export async function documentedOperations(h: Harness): Promise<DocumentedOperation[]> {
  const res = await h.get('/api/openapi.json', { apiVersion: null })
  expectStatus(res, 200)
  const operations: DocumentedOperation[] = []
  for (const [path, methods] of Object.entries<Record<string, any>>(res.body.paths)) {
    for (const [method, operation] of Object.entries<any>(methods)) {
      const name = NEEDS.exec(operation.description ?? '')?.[1]
      const right = name === undefined ? undefined : ALL_RIGHTS.find((r) => r.endsWith(`.${name}`))
      if (name !== undefined && right === undefined) throw new Error(`${method} ${path} needs ${name}, which is not a right`)
      operations.push({
        method: method.toUpperCase() as DocumentedOperation['method'],
        path,
        operationId: operation.operationId,
        right,
        isPublic: Array.isArray(operation.security) && operation.security.length === 0,
      })
    }
  }
  return operations
}

/** A concrete request for an operation. */
export interface OperationRequest {
  readonly url: string
  readonly body?: unknown
}

export type RequestMaker = () => Promise<OperationRequest>

/**
 * For each operation, a request that a principal holding the operation's right (and no
 * equal-or-lesser limit) gets 200 for, acting on targets made for it: a fresh one each time
 * when the request deletes it. Operations on the caller itself (`…/current`, `/session`) get
 * a harmless request whose outcome depends on who calls.
 */
export function operationRequests(h: Harness): Record<string, RequestMaker> {
  let n = 0
  const unique = (prefix: string) => `${prefix}-${++n}-${Math.random().toString(36).slice(2, 7)}`
  const once = <T>(make: () => Promise<T>) => {
    let value: Promise<T> | undefined
    return () => (value ??= make())
  }
  const targetKey = once(() => h.key({ role: 2, name: unique('target-key') }))
  const targetRole = once(() => h.role({ name: unique('target-role'), rights: ['apikeyRights.canViewApiKeys'] }))
  const targetAdministrator = once(() => quickAdministrator(h, { role: 2, username: unique('target-admin') }))

  return {
    createApiKey: async () => ({ url: '/api/apikeys', body: { keyName: unique('made-key'), roleID: 2 } }),
    listApiKeys: async () => ({ url: '/api/apikeys' }),
    searchApiKeys: async () => ({ url: '/api/apikeys/search', body: { maxItems: 1 } }),
    describeApiKey: async () => ({ url: `/api/apikeys/${(await targetKey()).id}` }),
    modifyApiKey: async () => ({ url: `/api/apikeys/${(await targetKey()).id}`, body: { description: unique('description') } }),
    deleteApiKey: async () => ({ url: `/api/apikeys/${(await h.key({ role: 2 })).id}` }),
    replaceApiSecretKey: async () => ({ url: `/api/apikeys/${(await targetKey()).id}/secretkey` }),
    verifyApiKey: async () => ({ url: '/api/apikeys/verify', body: { secretKey: (await targetKey()).secret } }),
    // The stream ends after what it has to say only when told not to follow.
    streamApiKeyChanges: async () => ({ url: '/api/apikeys/changes?follow=false' }),
    describeCurrentApiKey: async () => ({ url: '/api/apikeys/current' }),
    modifyCurrentApiKey: async () => ({ url: '/api/apikeys/current', body: { description: unique('description') } }),
    replaceCurrentApiSecretKey: async () => ({ url: '/api/apikeys/current/secretkey' }),

    createAdministratorRole: async () => ({
      url: '/api/roles',
      body: { name: unique('made-role'), rights: { platformRights: { apikeyRights: { canViewApiKeys: true } } } },
    }),
    listAdministratorRoles: async () => ({ url: '/api/roles' }),
    searchAdministratorRoles: async () => ({ url: '/api/roles/search', body: { maxItems: 1 } }),
    describeAdministratorRole: async () => ({ url: `/api/roles/${(await targetRole()).id}` }),
    modifyAdministratorRole: async () => ({ url: `/api/roles/${(await targetRole()).id}`, body: { description: unique('description') } }),
    deleteAdministratorRole: async () => ({ url: `/api/roles/${(await h.role()).id}` }),

    listAuditEvents: async () => ({ url: '/api/auditevents' }),
    searchAuditEvents: async () => ({ url: '/api/auditevents/search', body: { maxItems: 1 } }),

    createAdministrator: async () => ({ url: '/api/administrators', body: { username: unique('made-admin'), password: 'Fresh-passw0rd-9', roleID: 2 } }),
    listAdministrators: async () => ({ url: '/api/administrators' }),
    searchAdministrators: async () => ({ url: '/api/administrators/search', body: { maxItems: 1 } }),
    describeAdministrator: async () => ({ url: `/api/administrators/${(await targetAdministrator()).id}` }),
    modifyAdministrator: async () => ({ url: `/api/administrators/${(await targetAdministrator()).id}`, body: { description: unique('description') } }),
    deleteAdministrator: async () => ({ url: `/api/administrators/${(await quickAdministrator(h, { role: 2 })).id}` }),
    describeCurrentAdministrator: async () => ({ url: '/api/administrators/current' }),
    modifyCurrentAdministrator: async () => ({ url: '/api/administrators/current', body: { description: unique('description') } }),
    startMfaEnrolment: async () => ({ url: '/api/administrators/current/mfa/enrolment' }),
    activateMfa: async () => ({ url: '/api/administrators/current/mfa/activation', body: { code: '000000', password: 'not-the-password-1' } }),
    deactivateMfa: async () => ({ url: '/api/administrators/current/mfa/deactivation', body: { password: 'not-the-password-1', code: '000000' } }),

    describeSession: async () => ({ url: '/api/session' }),
    signOut: async () => ({ url: '/api/session' }),
  }
}
