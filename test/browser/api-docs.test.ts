/**
 * The API reference page: reached from the console's header, it lists the operations of
 * /api/openapi.json with nothing refused by its Content-Security-Policy (Chrome logs each
 * refusal as a console error) and no serious accessibility violation.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { CATALOGS, ConsoleHarness, screenshot, seriousViolations } from './helpers/console-harness.js'

let ch: ConsoleHarness

beforeAll(async () => {
  ch = await ConsoleHarness.start()
})

afterAll(async () => {
  await ch?.close()
})

it("opens from the console's header and lists the operations, within its policy", async () => {
  const { page, errors } = await ch.newPage('en-US')
  await ch.signIn(page, 'en-US')
  await page.getByRole('link', { name: CATALOGS['en-US'].app.apiDocs }).click()
  await page.waitForURL('**/api/docs')
  await page.getByText('List API Keys').first().waitFor()
  await page.getByText('/apikeys/{apiKeyID}').first().waitFor()
  await page.getByRole('button', { name: /List API Keys/ }).click()
  // "Try it out" calls this Keyward (connect-src 'self'), as the signed-in administrator.
  await page.getByRole('button', { name: 'Try it out' }).click()
  const answered = page.waitForResponse((res) => new URL(res.url()).pathname === '/api/apikeys')
  await page.getByRole('button', { name: 'Execute' }).click()
  expect((await answered).status()).toBe(200)
  await screenshot(page, 'api-docs', 'en-US')
  expect(errors, 'script errors and refusals by the Content-Security-Policy').toEqual([])
  expect(await seriousViolations(page)).toEqual([])
})
