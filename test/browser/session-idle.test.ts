/**
 * The session's idle timeout, in English and Japanese: with no request for that long, the
 * console signs out and says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CATALOGS, ConsoleHarness, LOCALES } from './helpers/console-harness.js'

const IDLE_TIMEOUT_MS = 3000
let ch: ConsoleHarness

beforeAll(async () => {
  ch = await ConsoleHarness.start({ sessionIdleTimeoutMs: IDLE_TIMEOUT_MS })
})

afterAll(async () => {
  await ch?.close()
})

describe.each(LOCALES)('%s: idle timeout', (locale) => {
  const t = CATALOGS[locale]

  it('signs out after the idle timeout and tells the administrator', async () => {
    await ch.setLocale(1, locale)
    const { page, errors } = await ch.newPage(locale)
    await ch.signIn(page, locale)
    const signedIn = Date.now()
    await page.getByText(t.session.idle.replace('{{minutes}}', '1')).waitFor({ timeout: IDLE_TIMEOUT_MS + 5000 })
    expect(Date.now() - signedIn).toBeGreaterThanOrEqual(IDLE_TIMEOUT_MS - 1000)
    expect(page.url()).toMatch(/\/signin$/)
    // The server agrees: the session is over.
    const session = await page.evaluate(async () => (await fetch('/api/session', { headers: { 'api-version': 'v1' } })).status)
    expect(session).toBe(401)
    expect(errors).toEqual([])
  })
})
