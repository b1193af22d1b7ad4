import { authorize } from '../auth/operations.js'
import type { Principal } from '../auth/principal.js'
import type { SearchFilter, SearchResult } from '../search/schema.js'
import type { AuditStore, StoredAuditEvent } from './store.js'

/** How many events a plain list returns, newest first; search pages through the rest. */
export const AUDIT_LIST_LIMIT = 5000

/** Reading the audit log; nothing writes to it but the stores, inside each change's transaction. */
export class AuditService {
  readonly #store: AuditStore

  constructor(deps: { store: AuditStore }) {
    this.#store = deps.store
  }

  /** The most recent events, newest first. @throws KeywardError `audit.view_denied`. */
  async list(principal: Principal): Promise<StoredAuditEvent[]> {
    authorize(principal, 'listAuditEvents')
    return this.#store.findRecent(AUDIT_LIST_LIMIT)
  }

  /** @throws KeywardError `audit.view_denied`, `search.*`. */
  async search(principal: Principal, filter: SearchFilter): Promise<SearchResult<StoredAuditEvent>> {
    authorize(principal, 'searchAuditEvents')
    return this.#store.search(filter)
  }
}
