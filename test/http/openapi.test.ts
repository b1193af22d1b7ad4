import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiKeyCreateSchema, ApiKeySchema } from '../../src/apikeys/schema.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/** The operations of the model API's OpenAPI document that Keyward serves (path, method, operationId). */
const MODEL_OPERATIONS = [
  ['/apikeys', 'post', 'createApiKey'],
  ['/apikeys', 'get', 'listApiKeys'],
  ['/apikeys/search', 'post', 'searchApiKeys'],
  ['/apikeys/{apiKeyID}', 'get', 'describeApiKey'],
  ['/apikeys/{apiKeyID}', 'post', 'modifyApiKey'],
  ['/apikeys/{apiKeyID}', 'delete', 'deleteApiKey'],
  ['/apikeys/{apiKeyID}/secretkey', 'post', 'replaceApiSecretKey'],
  ['/apikeys/current', 'get', 'describeCurrentApiKey'],
  ['/apikeys/current', 'post', 'modifyCurrentApiKey'],
  ['/apikeys/current/secretkey', 'post', 'replaceCurrentApiSecretKey'],
  ['/roles', 'get', 'listAdministratorRoles'],
  ['/roles', 'post', 'createAdministratorRole'],
  ['/roles/search', 'post', 'searchAdministratorRoles'],
  ['/roles/{roleID}', 'get', 'describeAdministratorRole'],
  ['/roles/{roleID}', 'post', 'modifyAdministratorRole'],
  ['/roles/{roleID}', 'delete', 'deleteAdministratorRole'],
  ['/administrators', 'get', 'listAdministrators'],
  ['/administrators', 'post', 'createAdministrator'],
  ['/administrators/search', 'post', 'searchAdministrators'],
  ['/administrators/{administratorID}', 'get', 'describeAdministrator'],
  ['/administrators/{administratorID}', 'post', 'modifyAdministrator'],
  ['/administrators/{administratorID}', 'delete', 'deleteAdministrator'],
] as const

describe(`${testEngine()}: /api/openapi.json`, () => {
  let h: Harness
  let doc: any
  beforeAll(async () => {
    h = await Harness.start()
    const res = await h.get('/api/openapi.json', { apiVersion: null })
    expectStatus(res, 200)
    doc = res.body
  })
  afterAll(() => h.close())

  it('is public and documents every operation of the model API that Keyward serves, under its operationId', () => {
    expect(doc.openapi).toMatch(/^3\./)
    for (const [path, method, operationId] of MODEL_OPERATIONS) {
      expect(doc.paths[path]?.[method]?.operationId, `${method} ${path}`).toBe(operationId)
    }
  })

  it('documents only operations that exist, each with its security and its errors', async () => {
    for (const [path, operations] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, operation] of Object.entries<any>(operations)) {
        if (operation.operationId === 'signIn') {
          expect(operation.security).toEqual([])
          continue
        }
        expect(operation.security, `${method} ${path}`).toEqual(
          path.startsWith('/session') || path.startsWith('/administrators/current')
            ? [{ Session: [] }]
            : [{ Trend_Micro_Cloud_One_API_Key: [] }, { Legacy_API_Key: [] }, { Session: [] }],
        )
        expect(Object.keys(operation.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['200', '400', '401']))
        const res = await h.request(method.toUpperCase() as 'GET', `/api${path.replace(/\{[^}]+\}/, '1')}`, {})
        expect(res.status, `${method} ${path}`).toBe(401)
      }
    }
    expect(doc.components.securitySchemes).toMatchObject({
      Legacy_API_Key: { type: 'apiKey', in: 'header', name: 'api-secret-key' },
      Trend_Micro_Cloud_One_API_Key: { type: 'apiKey', in: 'header', name: 'Authorization' },
      Session: { type: 'apiKey', in: 'cookie', name: 'keyward_session' },
    })
  })

  it('uses the very schemas that validate requests and shape responses', () => {
    const create = doc.paths['/apikeys'].post
    const body = create.requestBody.content['application/json'].schema
    expect(Object.keys(body.properties).sort()).toEqual(Object.keys(ApiKeyCreateSchema.properties).sort())
    expect(body.required.sort()).toEqual(['keyName', 'roleID'])
    expect(body.additionalProperties).toBe(false)
    const response = create.responses['200'].content['application/json'].schema
    expect(Object.keys(response.properties).sort()).toEqual(Object.keys(ApiKeySchema.properties).sort())
    expect(response.properties.timeZone.format).toBe('time-zone')
  })
})
