/**
 * The browser suite's world: a real Keyward (the API harness's app, listening on a free
 * port of 127.0.0.1) and Debian's Chromium driven by playwright-core. Pages fail their test on
 * any script error or console error; every page can be screenshot and checked with axe.
 *
 * @module
 */
import { AxeBuilder } from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import type { Config } from '../../../src/config.js'
import { HARNESS_ADMIN_PASSWORD, Harness } from '../../helpers/harness.js'
import { enUS, type Messages } from '../../../console/src/i18n/locales/en-US.js'
import { jaJP } from '../../../console/src/i18n/locales/ja-JP.js'

export type Locale = 'en-US' | 'ja-JP'
export const LOCALES: Locale[] = ['en-US', 'ja-JP']

/** The console's own catalogs: tests find controls by the labels a person reads. */
export const CATALOGS: Record<Locale, Messages> = { 'en-US': enUS, 'ja-JP': jaJP }

export const ADMIN_PASSWORD = HARNESS_ADMIN_PASSWORD
export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots')

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/** Chrome logs a failed request as a console error; a refused sign-in or key is a test's point. */
const EXPECTED_CONSOLE_ERROR = /^Failed to load resource: the server responded with a status of (401|403|404|409|400)/

export interface ConsolePage {
  readonly context: BrowserContext
  readonly page: Page
  /** Script errors and console errors seen so far. */
  readonly errors: string[]
}

export class ConsoleHarness {
  readonly h: Harness
  readonly baseUrl: string
  readonly browser: Browser
  readonly #contexts: BrowserContext[] = []

  private constructor(h: Harness, baseUrl: string, browser: Browser) {
    this.h = h
    this.baseUrl = baseUrl
    this.browser = browser
  }

  static async start(config: Partial<Config> = {}): Promise<ConsoleHarness> {
    const h = await Harness.start(config)
    await h.app.fastify.listen({ port: 0, host: '127.0.0.1' })
    const { port } = h.app.fastify.server.address() as AddressInfo
    const browser = await chromium.launch({ executablePath: process.env.KEYWARD_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
    return new ConsoleHarness(h, `http://127.0.0.1:${port}`, browser)
  }

  /** A fresh browser profile (no cookies) whose clipboard the test may read. */
  async newPage(locale: Locale = 'en-US'): Promise<ConsolePage> {
    const context = await this.browser.newContext({
      baseURL: this.baseUrl,
      locale,
      timezoneId: 'UTC',
      viewport: { width: 1440, height: 960 },
      reducedMotion: 'reduce',
    })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: this.baseUrl })
    context.setDefaultTimeout(10_000)
    this.#contexts.push(context)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error' && !EXPECTED_CONSOLE_ERROR.test(message.text())) errors.push(`console.error: ${message.text()}`)
    })
    return { context, page, errors }
  }

  /** Sets an administrator's language through the API (as a Full Access key). */
  async setLocale(administratorId: number, locale: Locale, extra: Record<string, unknown> = {}): Promise<void> {
    const res = await this.h.post(`/api/administrators/${administratorId}`, { secret: this.h.keys.fullAccess.secret, body: { locale, ...extra } })
    if (res.status !== 200) throw new Error(`setting the locale failed: ${res.status} ${res.text}`)
  }

  /** Signs in through the sign-in page and waits for the console. */
  async signIn(page: Page, locale: Locale, username = 'admin', password = ADMIN_PASSWORD): Promise<void> {
    const t = CATALOGS[locale]
    await page.goto('/signin')
    await page.getByRole('textbox', { name: t.signIn.username, exact: true }).fill(username)
    await page.getByRole('textbox', { name: t.signIn.password, exact: true }).fill(password)
    await page.getByRole('button', { name: t.signIn.submit }).click()
    await page.getByRole('button', { name: t.app.signOut }).waitFor()
  }

  /** A request to the running server over real HTTP, as curl would send it. */
  async http(
    path: string,
    init: { method?: string; secret?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { 'api-version': 'v1', ...init.headers }
    if (init.secret !== undefined) headers['api-secret-key'] = init.secret
    if (init.body !== undefined) headers['content-type'] = 'application/json'
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : undefined }
  }

  async close(): Promise<void> {
    for (const context of this.#contexts) await context.close().catch(() => undefined)
    await this.browser.close()
    await this.h.close()
  }
}

/** Saves `test-results/screenshots/<name>-<locale>.png`. */
export async function screenshot(page: Page, name: string, locale: Locale): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${locale}.png`), fullPage: true, animations: 'disabled', caret: 'hide' })
}

/** The axe violations of the page with impact serious or critical, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 5)
          .join(' | ')}`,
    )
}

/**
 * Text the layout cuts: a word of a table header broken across lines (言/語, アドレ/ス), or a
 * chosen value that a read-only field (a select) is too narrow to show.
 */
export async function cutText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = []
    for (const header of document.querySelectorAll('th')) {
      const walker = document.createTreeWalker(header, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange()
          range.setStart(node, word.index)
          range.setEnd(node, word.index + word[0].length)
          const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)))
          if (lines.size > 1) cut.push(`header word broken across lines: ${word[0]}`)
        }
      }
    }
    for (const input of document.querySelectorAll<HTMLInputElement>('input[readonly]')) {
      if (input.offsetParent !== null && input.scrollWidth > input.clientWidth + 1) cut.push(`value cut off: ${input.value}`)
    }
    return cut
  })
}
