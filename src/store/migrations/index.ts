import type { Migration } from 'kysely'
import * as createIdentityTables from './2026-11-26-01-create-identity-tables.js'
import * as sessionsAuditMfa from './2026-11-26-02-sessions-audit-mfa.js'
import * as keptModelFields from './2026-12-01-01-kept-model-fields.js'
import * as permissionsKeySettings from './2026-12-01-02-permissions-key-settings.js'
import * as signInFailures from './2026-12-01-03-sign-in-failures.js'
import * as builtInRolesImmutable from './2026-12-01-04-built-in-roles-immutable.js'
import * as rateLimitsCredits from './2026-12-01-05-rate-limits-credits.js'
import * as nameKeys from './2026-12-01-09-name-keys.js'
import * as searchIndexes from './2026-12-03-20-search-indexes.js'
import * as keyNameTrigrams from './2026-12-04-20-key-name-trigrams.js'
import * as apiKeyTags from './2026-12-05-10-api-key-tags.js'
import * as coveringSearchIndexes from './2026-12-05-20-covering-search-indexes.js'
import * as foldedNameInC from './2026-12-05-20-folded-name-in-c.js'
import * as keyNamesInIdOrder from './2026-12-06-20-key-names-in-id-order.js'
import * as shortTrigramPendingList from './2026-12-06-21-short-trigram-pending-list.js'

/** Every migration, by name; Kysely runs them in name order. New ones are added at the end. */
export const MIGRATIONS: Record<string, Migration> = {
  '2026-11-26-01-create-identity-tables': createIdentityTables,
  '2026-11-26-02-sessions-audit-mfa': sessionsAuditMfa,
  '2026-12-01-01-kept-model-fields': keptModelFields,
  '2026-12-01-02-permissions-key-settings': permissionsKeySettings,
  '2026-12-01-03-sign-in-failures': signInFailures,
  '2026-12-01-04-built-in-roles-immutable': builtInRolesImmutable,
  '2026-12-01-05-rate-limits-credits': rateLimitsCredits,
  '2026-12-01-09-name-keys': nameKeys,
  '2026-12-03-20-search-indexes': searchIndexes,
  '2026-12-04-20-key-name-trigrams': keyNameTrigrams,
  '2026-12-05-10-api-key-tags': apiKeyTags,
  '2026-12-05-20-covering-search-indexes': coveringSearchIndexes,
  '2026-12-05-20-folded-name-in-c': foldedNameInC,
  '2026-12-06-20-key-names-in-id-order': keyNamesInIdOrder,
  '2026-12-06-21-short-trigram-pending-list': shortTrigramPendingList,
}
