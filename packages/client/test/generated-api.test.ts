import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness } from '../../../test/helpers/harness.js'
import { testEngine } from '../../../test/helpers/test-database.js'
import { renderApi } from '../scripts/render-api.js'

describe(`${testEngine()}: keyward-client's generated API types`, () => {
  let h: Harness | undefined
  afterAll(() => h?.close())

  it("match the server's OpenAPI document (else run npm run generate -w keyward-client)", async () => {
    h = await Harness.start()
    const res = await h.get('/api/openapi.json', { apiVersion: null })
    expectStatus(res, 200)
    const committed = readFileSync(new URL('../src/generated/api.ts', import.meta.url), 'utf8')
    expect(renderApi(res.body) === committed, 'packages/client/src/generated/api.ts is out of date: run npm run generate -w keyward-client').toBe(true)
  })
})
