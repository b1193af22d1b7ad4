/**
 * The session's idle timeout, in English and Japanese: with no request for that long, the
 * console signs out and says why. The browser's clock and the server's are moved by hand, so
 * nothing waits on real time; the timeout is long enough that real time never reaches it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CATALOGS, ConsoleHarness, LOCALES } from './helpers/console-harness.js'

const IDLE_TIMEOUT_MS = 10 * 60_000
let ch: ConsoleHarness

beforeAll(async () => {
  ch = await ConsoleHarness.start({ sessionIdleTimeoutMs: IDLE_TIMEOUT_MS })
})

afterAll(async () => {
  await ch?.close()
})

describe.each(LOCALES)('%s: idle timeout', (locale) => {
  const t = CATALOGS[locale]

  it('signs out after the idle timeout, not before, and tells the administrator', async () => {
    await ch.setLocale(1, locale)
    const { page, errors } = await ch.newPage(locale)
    await page.clock.install()
    await ch.signIn(page, locale)
    // The console's last request restarts its idle timer: stop the clock once none is in flight.
    await page.waitForLoadState('networkidle')
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000)
    const message = page.getByText(t.session.idle.replace('{{minutes}}', '10'))

    await page.clock.runFor(IDLE_TIMEOUT_MS - 60_000)
    expect(await message.count()).toBe(0)
    expect(page.url()).not.toMatch(/\/signin$/)

    ch.h.clock.advance(IDLE_TIMEOUT_MS)
    await page.clock.runFor(61_000)
    await message.waitFor()
    expect(page.url()).toMatch(/\/signin$/)
    // The server agrees: the session is over.
    const session = await page.evaluate(async () => (await fetch('/api/session', { headers: { 'api-version': 'v1' } })).status)
    expect(session).toBe(401)
    expect(errors).toEqual([])
  })
})
