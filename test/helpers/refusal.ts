import { expect } from 'vitest'
import { expectStatus, type Harness, type TestResponse } from './harness.js'

/**
 * Sends a request that must be refused and checks the refusal: its status, its code (and
 * message, when given; `code` may be an asymmetric matcher), and that nothing changed (the
 * harness snapshot: keys, roles, administrators, sessions and the audit log).
 */
export async function expectRefusal(h: Harness, send: () => Promise<TestResponse>, status: number, code: unknown, message?: string): Promise<TestResponse> {
  const before = await h.snapshot()
  const res = await send()
  expectStatus(res, status)
  expect(res.body, res.text).toEqual({ code, message: message ?? expect.any(String) })
  expect(await h.snapshot(), 'nothing may change, no session start or end, no audit entry be written').toEqual(before)
  return res
}
