/**
 * Writes `src/generated/api.ts` from the OpenAPI document of this checkout's Keyward, built
 * in-process on a scratch SQLite database. Run it after changing a schema:
 * `npm run generate -w keyward-client`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../../../src/app.js'
import { loadConfig } from '../../../src/config.js'
import { renderApi } from './render-api.js'

const scratch = mkdtempSync(join(tmpdir(), 'keyward-client-generate-'))
try {
  const app = await buildApp(loadConfig({}, { databaseUrl: `sqlite:${join(scratch, 'keyward.db')}`, logLevel: 'warn' }))
  try {
    const res = await app.fastify.inject({ method: 'GET', url: '/api/openapi.json' })
    writeFileSync(new URL('../src/generated/api.ts', import.meta.url), renderApi(JSON.parse(res.body)))
  } finally {
    await app.close()
  }
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
