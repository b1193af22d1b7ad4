import { expect } from 'vitest'
import { auditSince, lastAuditId } from './audit-log.js'
import { expectStatus, type Harness, type TestResponse } from './harness.js'

/** Session tokens (hashes) that exist, to show that a refusal ended or made none. */
async function sessionTokens(h: Harness): Promise<string[]> {
  const rows = await h.db.selectFrom('sessions').select('token_hash').orderBy('token_hash').execute()
  return rows.map((row) => row.token_hash)
}

/**
 * Sends a request that must be refused and checks the refusal: its status, its code (and
 * message, when given; `code` may be an asymmetric matcher), and that nothing changed: no key, role or administrator (the
 * harness snapshot), no session, and no audit entry.
 */
export async function expectRefusal(
  h: Harness,
  send: () => Promise<TestResponse>,
  status: number,
  code: unknown,
  message?: string,
): Promise<TestResponse> {
  const before = await h.snapshot()
  const sessions = await sessionTokens(h)
  const mark = await lastAuditId(h)
  const res = await send()
  expectStatus(res, status)
  expect(res.body, res.text).toEqual({ code, message: message ?? expect.any(String) })
  expect(await h.snapshot(), 'nothing may change').toEqual(before)
  expect(await sessionTokens(h), 'no session may start or end').toEqual(sessions)
  expect(await auditSince(h, mark), 'a refusal writes no audit entry').toEqual([])
  return res
}
