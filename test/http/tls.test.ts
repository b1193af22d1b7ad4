import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { Harness, HARNESS_ADMIN_PASSWORD } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

const folder = mkdtempSync(join(tmpdir(), 'keyward-tls-'))
const certFile = join(folder, 'cert.pem')
const keyFile = join(folder, 'key.pem')
execFileSync(
  'openssl',
  [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-keyout',
    keyFile,
    '-out',
    certFile,
  ],
  { stdio: 'ignore' },
)

/** One HTTPS request that trusts only the test certificate. */
function httpsRequest(url: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers, ca: readFileSync(certFile) }, (res) => {
      let body = ''
      res.on('data', (chunk) => (body += String(chunk)))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end(init.body === undefined ? undefined : JSON.stringify(init.body))
  })
}

describe(`${testEngine()}: HTTPS with --tls-cert and --tls-key`, () => {
  let h: Harness
  let origin: string
  beforeAll(async () => {
    h = await Harness.start({ tlsCertFile: certFile, tlsKeyFile: keyFile })
    origin = await h.app.fastify.listen({ host: '127.0.0.1', port: 0 })
  })
  afterAll(async () => {
    await h.close()
    rmSync(folder, { recursive: true, force: true })
  })

  it('serves the API over HTTPS with the given certificate', async () => {
    expect(origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    const res = await httpsRequest(`${origin}/api/apikeys/current`, { headers: { 'api-version': 'v1', 'api-secret-key': h.keys.fullAccess.secret } })
    expect(res.status, res.body).toBe(200)
    expect(JSON.parse(res.body).ID).toBe(h.keys.fullAccess.id)
  })

  it('marks the console session cookie Secure', async () => {
    const res = await httpsRequest(`${origin}/api/session`, {
      method: 'POST',
      headers: { 'api-version': 'v1', 'content-type': 'application/json' },
      body: { username: 'admin', password: HARNESS_ADMIN_PASSWORD },
    })
    expect(res.status, res.body).toBe(200)
    expect(String(res.headers['set-cookie'])).toMatch(/keyward_session=[^;]+;.*Secure/)
  })
})

describe('TLS settings', () => {
  it('takes the files from KEYWARD_TLS_CERT and KEYWARD_TLS_KEY, and refuses one without the other', () => {
    expect(loadConfig({ KEYWARD_TLS_CERT: certFile, KEYWARD_TLS_KEY: keyFile })).toMatchObject({ tlsCertFile: certFile, tlsKeyFile: keyFile })
    expect(() => loadConfig({ KEYWARD_TLS_CERT: certFile })).toThrow(/KEYWARD_TLS_CERT and KEYWARD_TLS_KEY/)
  })
})
