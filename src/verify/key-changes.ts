import type { AuditStore, StoredAuditEvent } from '../audit/store.js'
import { authorize } from '../auth/operations.js'
import type { Principal } from '../auth/principal.js'
import type { ChangeFeed } from '../store/change-feed.js'
import { KEY_CHANGE_ACTIONS, type KeyChange } from './schema.js'

const PAGE_SIZE = 500
/**
 * On PostgreSQL, IDs are taken at insert and rows appear at commit, so a lower ID can appear
 * after a higher one; each fetch looks this many IDs back for late arrivals.
 */
const LATE_WINDOW = 100

function toChange(event: StoredAuditEvent): KeyChange {
  const target = event.resourceType === 'role' ? { roleID: event.resourceId } : { keyID: event.resourceId }
  // The audit log is read for KEY_CHANGE_ACTIONS only.
  return { id: event.id, action: event.action as KeyChange['action'], time: event.time, ...target, fields: Object.keys(event.changes) }
}

/**
 * The stream of changes that can make a cached verification wrong (lock, unlock, delete, new
 * secret, any modification of a key or its role), read from the audit log: every change is
 * written there in its own transaction, with an ID that orders it, so a client resumes after
 * any ID, across reconnects and Keyward restarts. Live changes are read once per process
 * when the change feed (the one that keeps verifier caches current) announces them, and fanned
 * out to every subscriber.
 */
export class KeyChangeStream {
  readonly #audit: AuditStore
  readonly #listeners = new Set<(changes: readonly KeyChange[]) => void>()
  /** IDs sent to listeners lately, so a re-read of the late window sends nothing twice. */
  readonly #seen = new Set<number>()
  #last: number | undefined
  #fetching: Promise<void> | undefined
  #again = false

  constructor(deps: { audit: AuditStore; feed: ChangeFeed }) {
    this.#audit = deps.audit
    deps.feed.subscribe((change) => {
      // Deaf: no change can be heard until the feed is back, and then 'all' comes.
      if (change !== 'deaf' && this.#listeners.size > 0) this.#fetchSoon()
    })
  }

  /** @throws KeywardError `apikey.verify_denied` without `canVerifyApiKeys`. */
  authorize(principal: Principal): void {
    authorize(principal, 'streamApiKeyChanges')
  }

  /** The newest change's ID (0 when there is none): where a new subscriber starts. */
  async latestId(): Promise<number> {
    return this.#audit.lastKeyChangeId(KEY_CHANGE_ACTIONS)
  }

  /** Up to a page of changes after an ID, oldest first. */
  async after(id: number): Promise<KeyChange[]> {
    return (await this.#audit.findKeyChanges(id, KEY_CHANGE_ACTIONS, PAGE_SIZE)).map(toChange)
  }

  /** Hears every change from now on; returns the unsubscribe function. */
  subscribe(listener: (changes: readonly KeyChange[]) => void): () => void {
    if (this.#listeners.size === 0) this.#last = undefined
    this.#listeners.add(listener)
    this.#fetchSoon()
    return () => this.#listeners.delete(listener)
  }

  #fetchSoon(): void {
    if (this.#fetching) {
      this.#again = true
      return
    }
    this.#fetching = this.#fetch()
      .catch(() => {
        // The database is away: the next change, or the client's reconnect, reads again.
      })
      .finally(() => {
        this.#fetching = undefined
        if (this.#again) {
          this.#again = false
          this.#fetchSoon()
        }
      })
  }

  async #fetch(): Promise<void> {
    if (this.#last === undefined) {
      this.#last = await this.latestId()
      return
    }
    for (;;) {
      const events = await this.#audit.findKeyChanges(Math.max(0, this.#last - LATE_WINDOW), KEY_CHANGE_ACTIONS, PAGE_SIZE)
      const fresh = events.filter((event) => !this.#seen.has(event.id)).map(toChange)
      for (const change of fresh) {
        this.#seen.add(change.id)
        this.#last = Math.max(this.#last, change.id)
      }
      for (const id of this.#seen) if (id <= this.#last - LATE_WINDOW) this.#seen.delete(id)
      if (fresh.length > 0) for (const listener of this.#listeners) listener(fresh)
      if (events.length < PAGE_SIZE) return
    }
  }
}
