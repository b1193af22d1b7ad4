/**
 * The API key list stays fast with 100,000 keys: the console asks the server for one page,
 * sorted and counted there, and never loads the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CATALOGS, ConsoleHarness, LOCALES, type ConsolePage } from './helpers/console-harness.js'

const KEYS = 100_000
/** Generous for a 2-core machine; loading every key would take far longer. */
const FAST_MS = 4000
let ch: ConsoleHarness

beforeAll(async () => {
  ch = await ConsoleHarness.start()
  const now = Date.now()
  await ch.h.db.transaction().execute(async (trx) => {
    for (let start = 0; start < KEYS; start += 2000) {
      const rows = Array.from({ length: Math.min(2000, KEYS - start) }, (_, i) => {
        const n = start + i
        return {
          key_name: `bulk-${String(n).padStart(6, '0')}`,
          description: `Bulk key ${n}`,
          locale: n % 2 ? 'ja-JP' : 'en-US',
          role_id: 2,
          time_zone: 'UTC',
          active: 1 as const,
          created: now - n * 1000,
          secret_hash: `bulk-${n}`,
          service_account: 0 as const,
        }
      })
      await trx.insertInto('api_keys').values(rows).execute()
    }
  })
}, 120_000)

afterAll(async () => {
  await ch?.close()
})

describe.each(LOCALES)('%s: 100,000 API keys', (locale) => {
  const t = CATALOGS[locale]
  const total = KEYS + 2
  let cp: ConsolePage
  const page = () => cp.page
  const summary = (from: number, to: number) => t.common.pageSummary.replace('{{from}}', String(from)).replace('{{to}}', String(to)).replace('{{total}}', String(total))

  beforeAll(async () => {
    await ch.setLocale(1, locale)
    cp = await ch.newPage(locale)
    await ch.signIn(page(), locale)
  })

  afterAll(() => {
    expect(cp.errors, 'browser errors').toEqual([])
  })

  it('opens on one page of 25, counted on the server', async () => {
    const started = Date.now()
    const searched = page().waitForResponse((res) => res.url().endsWith('/api/apikeys/search'))
    await page().goto('/apikeys')
    await page().getByText(summary(1, 25)).waitFor()
    expect(Date.now() - started).toBeLessThan(FAST_MS)
    expect((await searched).headers()['x-total-count']).toBe(String(total))
    expect(await page().getByRole('table').getByRole('row').count()).toBe(1 + 25)
  })

  it('goes to the last page, sorts and filters quickly', async () => {
    let started = Date.now()
    await page().getByRole('button', { name: t.common.lastPage }).click()
    await page().getByText(summary(total - 1, total)).waitFor()
    expect(Date.now() - started).toBeLessThan(FAST_MS)

    started = Date.now()
    await page().getByRole('button', { name: t.apiKeys.columns.created }).click()
    await expect.poll(() => page().url()).toContain('sort=created')
    // Oldest first: the bulk keys were made one second apart, the last one earliest.
    await page().getByRole('row').nth(1).getByRole('link', { name: 'bulk-099999' }).waitFor()
    expect(Date.now() - started).toBeLessThan(FAST_MS)

    started = Date.now()
    await page().getByLabel(t.apiKeys.filter).fill('bulk-04242')
    await page().getByText(t.common.pageSummary.replace('{{from}}', '1').replace('{{to}}', '10').replace('{{total}}', '10')).waitFor()
    expect(Date.now() - started).toBeLessThan(FAST_MS)
  })
})
