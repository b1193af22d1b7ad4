import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../helpers/cli.js'
import { createTestDatabase, testEngine, type TestDatabase } from '../helpers/test-database.js'

/** Signs in over real HTTP; answers the status. */
async function signIn(url: string, username: string, password: string): Promise<number> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'api-version': 'v1' },
    body: JSON.stringify({ username, password }),
  })
  return res.status
}

describe(`${testEngine()}: first start`, () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(() => database.drop())

  it('creates the built-in roles and an administrator whose generated password is printed once', async () => {
    const first = await startServer({ KEYWARD_DATABASE_URL: database.url, KEYWARD_ADMIN_PASSWORD: '' })
    let password: string | undefined
    try {
      password = /Password \(shown once[^)]*\): (\S+)/.exec(first.output())?.[1]
      expect(password, first.output()).toMatch(/^[A-Za-z0-9]{20}$/)
      const username = /created administrator "([^"]+)"/.exec(first.output())?.[1]
      expect(username, first.output()).toBeDefined()
      expect(await signIn(first.url, username!, password!)).toBe(200)
      expect(await signIn(first.url, username!, `${password}x`)).toBe(401)
      const health = await fetch(`${first.url}/readyz`)
      expect(await health.json()).toEqual({ status: 'ready', database: testEngine() })
    } finally {
      await first.stop()
    }
    // The password went to the terminal, never into a log line.
    const logLines = first.output().split('\n').filter((line) => line.startsWith('{'))
    expect(logLines.length).toBeGreaterThan(0)
    for (const line of logLines) expect(line).not.toContain(password)

    const second = await startServer({ KEYWARD_DATABASE_URL: database.url, KEYWARD_ADMIN_PASSWORD: '' })
    try {
      expect(second.output()).not.toContain('Password (shown once')
      expect(await signIn(second.url, 'admin', password!)).toBe(200)
    } finally {
      await second.stop()
    }
  }, 120_000) // two real server starts under a loaded machine: a watchdog, not a bound on behaviour
})
