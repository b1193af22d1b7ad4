import { beforeEach, describe, expect, it } from 'vitest'
import { createSecret } from '../../src/auth/secret-format.js'
import { ALL_RIGHTS, type Right } from '../../src/roles/rights.js'
import { AUDITOR_ROLE_ID } from '../../src/roles/role.js'
import type { Harness, RequestOptions, TestResponse } from './harness.js'
import { expectRefusal } from './refusal.js'

export interface RouteUnderTest {
  readonly method: 'GET' | 'POST' | 'DELETE'
  /** The URL; may depend on keys made in `prepare`. */
  readonly url: (h: Harness) => string | Promise<string>
  readonly body?: (h: Harness) => unknown
  /** The right the route needs; a role lacking exactly it gets 403. Absent: any key may call it. */
  readonly right?: Right
  /** The 403 message of that right, as in the model API. */
  readonly deniedMessage?: string
}

/**
 * The checks every authenticated route must pass (Unkey's `runCommonRouteTests`, for
 * Keyward): no credential, malformed, bad checksum, unknown ID, wrong secret, locked, expired,
 * an unsupported scheme, no api-version (4xx each), and, for routes that need a right, a role
 * lacking exactly that right (403), the Auditor on a write, and a role without web-service
 * access. After each, nothing in the database has changed.
 */
export function runCommonSecurityTests(harness: () => Harness, route: RouteUnderTest): void {
  const send = async (h: Harness, options: RequestOptions): Promise<TestResponse> =>
    h.request(route.method, await route.url(h), { body: route.body?.(h), ...options })

  const expectRefused = (h: Harness, options: RequestOptions, status: number, code: string | RegExp) =>
    expectRefusal(h, () => send(h, options), status, typeof code === 'string' ? code : expect.stringMatching(code))

  describe('common security', () => {
    let h: Harness
    beforeEach(() => {
      h = harness()
    })

    it('refuses a request without credentials (401)', async () => {
      await expectRefused(h, {}, 401, 'auth.credentials_missing')
    })

    it('refuses a request without api-version (400)', async () => {
      await expectRefused(h, { secret: h.keys.fullAccess.secret, apiVersion: null }, 400, 'request.api_version_missing')
    })

    it('refuses an unsupported api-version (400)', async () => {
      await expectRefused(h, { secret: h.keys.fullAccess.secret, apiVersion: 'v2' }, 400, 'request.api_version_unsupported')
    })

    it('refuses a malformed secret (401)', async () => {
      await expectRefused(h, { secret: 'not-a-secret' }, 401, 'auth.secret_malformed')
    })

    it('refuses a secret whose checksum does not match (401)', async () => {
      const secret = h.keys.fullAccess.secret
      const tampered = secret.slice(0, 20) + (secret[20] === 'a' ? 'b' : 'a') + secret.slice(21)
      await expectRefused(h, { secret: tampered }, 401, 'auth.secret_malformed')
    })

    it('refuses a wrong secret for a real key and an unknown key ID alike (401)', async () => {
      const wrong = await expectRefused(h, { secret: createSecret(h.keys.fullAccess.id) }, 401, 'auth.secret_invalid')
      const unknown = await expectRefused(h, { secret: createSecret(999_999) }, 401, 'auth.secret_invalid')
      expect(unknown.body.message).toBe(wrong.body.message)
    })

    it('refuses an unsupported Authorization scheme (401)', async () => {
      await expectRefused(h, { headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` } }, 401, 'auth.scheme_unsupported')
    })

    it('refuses a locked-out key (401)', async () => {
      const key = await h.key({ locked: true })
      await expectRefused(h, { secret: key.secret }, 401, 'auth.key_locked')
    })

    it('refuses an expired key (401)', async () => {
      const key = await h.key({ expiresAt: h.clock() + 60_000 })
      h.clock.advance(61_000)
      await expectRefused(h, { secret: key.secret }, 401, 'auth.key_expired')
    })

    it('refuses a key whose role may not use the web service (403)', async () => {
      const role = await h.role({ rights: [...ALL_RIGHTS], allowWebService: false })
      const key = await h.key({ role: role.id })
      await expectRefused(h, { secret: key.secret }, 403, 'auth.web_service_denied')
    })

    if (route.right) {
      const right = route.right
      it(`refuses a role lacking exactly ${right} (403)`, async () => {
        const role = await h.role({ rights: ALL_RIGHTS.filter((r) => r !== right) })
        const key = await h.key({ role: role.id })
        const res = await expectRefused(h, { secret: key.secret }, 403, /^\w+\.\w+_denied$/)
        if (route.deniedMessage) expect(res.body.message).toBe(route.deniedMessage)
      })

      if (!right.includes('.canView')) {
        it('refuses the Auditor (403)', async () => {
          const auditor = await h.key({ role: AUDITOR_ROLE_ID })
          await expectRefused(h, { secret: auditor.secret }, 403, /^\w+\.\w+_denied$/)
        })
      }
    }
  })
}
