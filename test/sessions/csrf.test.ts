import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentedOperations, operationRequests, type DocumentedOperation, type RequestMaker } from '../helpers/documented-operations.js'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { expectStatus, Harness, type RequestOptions, type TestSession } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

/** Operations on the caller that a Full Access session does not get 200 for, whatever the token. */
const NOT_FOR_SESSIONS: Record<string, string> = {
  modifyCurrentApiKey: 'apikey.current_needs_key',
  replaceCurrentApiSecretKey: 'apikey.current_needs_key',
  // The enrolment, just before in the document, made a secret that '000000' does not match.
  activateMfa: 'administrator.mfa_code_invalid',
  deactivateMfa: 'administrator.current_password_invalid',
}

describe(`${testEngine()}: CSRF token on every request of a session that may change something`, () => {
  let h: Harness
  let changing: DocumentedOperation[]
  let requests: Record<string, RequestMaker>
  let session: TestSession
  let other: TestSession

  beforeAll(async () => {
    h = await Harness.start()
    changing = (await documentedOperations(h)).filter((o) => o.method !== 'GET' && !o.isPublic)
    requests = operationRequests(h)
    const admin = await quickAdministrator(h, { role: 1, username: 'csrf-admin' })
    session = await h.signIn(admin.username, QUICK_PASSWORD)
    other = await h.signIn(admin.username, QUICK_PASSWORD)
  })
  afterAll(() => h.close())

  it('covers every POST and DELETE of the document but sign-in', () => {
    expect(changing.length).toBeGreaterThanOrEqual(20)
    expect(changing.map((o) => o.operationId)).toEqual(
      expect.arrayContaining(['createApiKey', 'deleteAdministratorRole', 'modifyAdministrator', 'signOut', 'activateMfa', 'searchAuditEvents']),
    )
    expect(changing.map((o) => o.operationId)).not.toContain('signIn')
  })

  const wrongTokens: [what: string, options: () => RequestOptions][] = [
    ['without the X-CSRF-Token header', () => ({ session, csrf: false })],
    ['with an empty token', () => ({ session, csrf: false, headers: { 'x-csrf-token': '' } })],
    [
      'with a token one character off',
      () => ({ session, csrf: false, headers: { 'x-csrf-token': `${session.csrfToken.slice(0, -1)}${session.csrfToken.endsWith('A') ? 'B' : 'A'}` } }),
    ],
    ["with another session's token", () => ({ session, csrf: false, headers: { 'x-csrf-token': other.csrfToken } })],
    ['with the token in the body instead of the header', () => ({ session, csrf: false })],
    ['with the token in the query string', () => ({ session, csrf: false })],
  ]

  it.each(wrongTokens)('refuses every such request %s (403 auth.csrf_invalid), changing nothing', async (what, options) => {
    const failures: string[] = []
    for (const operation of changing) {
      const make = requests[operation.operationId]
      if (!make) {
        failures.push(`${operation.operationId}: no request known; add one to test/helpers/documented-operations.ts`)
        continue
      }
      const { url, body } = await make()
      const sentBody = what.includes('body') ? { ...(body as object | undefined), csrfToken: session.csrfToken } : body
      const sentUrl = what.includes('query') ? `${url}?csrfToken=${encodeURIComponent(session.csrfToken)}` : url
      try {
        await expectRefusal(h, () => h.request(operation.method, sentUrl, { ...options(), body: sentBody }), 403, 'auth.csrf_invalid')
      } catch (error) {
        failures.push(`${operation.method} ${url} (${operation.operationId}): ${(error as Error).message.split('\n')[0]!.slice(0, 300)}`)
      }
    }
    expect(failures).toEqual([])
  })

  it('lets every such request through with the right token', async () => {
    const failures: string[] = []
    for (const operation of changing) {
      if (operation.operationId === 'signOut') continue
      const { url, body } = await requests[operation.operationId]!()
      const res = await h.request(operation.method, url, { session, body })
      const expected = NOT_FOR_SESSIONS[operation.operationId]
      if (expected ? res.body?.code !== expected : res.status !== 200)
        failures.push(`${operation.method} ${url} (${operation.operationId}): ${res.status} ${res.text.slice(0, 200)}`)
    }
    expect(failures).toEqual([])
    const signOut = await h.delete('/api/session', { session: other })
    expectStatus(signOut, 200)
  })

  it('needs no token for reads', async () => {
    expectStatus(await h.get('/api/apikeys', { session, csrf: false }), 200)
    expectStatus(await h.get('/api/session', { session, csrf: false }), 200)
    expectStatus(await h.get('/api/auditevents', { session, csrf: false }), 200)
  })

  it('does not ask API keys for a token: they are not sent by browsers on their own', async () => {
    const res = await h.post('/api/roles', { secret: h.keys.fullAccess.secret, body: { name: 'by-key-without-csrf' } })
    expectStatus(res, 200)
  })
})
