import type { Migration } from 'kysely'
import * as createIdentityTables from './2026-11-26-01-create-identity-tables.js'
import * as sessionsAuditMfa from './2026-11-26-02-sessions-audit-mfa.js'

/** Every migration, by name; Kysely runs them in name order. New ones are added at the end. */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-26-01-create-identity-tables': createIdentityTables,
  '2026-11-26-02-sessions-audit-mfa': sessionsAuditMfa,
}
