import { hashPassword } from '../../src/auth/password-hash.js'
import type { Harness, TestAdministrator } from './harness.js'

/** The password of administrators made by {@link quickAdministrator}. */
export const QUICK_PASSWORD = 'Quick-passw0rd-1'

let quickHash: Promise<string> | undefined
let counter = 0

/**
 * An administrator inserted straight into the store with a password hashed once per test
 * process: scrypt costs ~100 ms, and most tests need an administrator, not its creation.
 * Writes no audit entry.
 */
export async function quickAdministrator(h: Harness, options: { role?: number; username?: string; active?: boolean } = {}): Promise<TestAdministrator> {
  quickHash ??= hashPassword(QUICK_PASSWORD)
  const username = options.username ?? `quick-${++counter}-${Math.random().toString(36).slice(2, 8)}`
  const record = await h.app.context.stores.administrators.insert({
    username,
    passwordHash: await quickHash,
    fullName: '',
    description: '',
    roleId: options.role ?? 1,
    locale: 'en-US',
    timeZone: 'UTC',
    timeFormat: '24',
    emailAddress: '',
    active: options.active ?? true,
    passwordNeverExpires: false,
    created: h.clock(),
  })
  return { id: record.id, username, password: QUICK_PASSWORD }
}
