import type { ChangeFeed } from '../store/change-feed.js'
import type { Role } from './role.js'
import type { RoleStore } from './store.js'

/**
 * Every role, held in memory: there are few, and each authenticated request needs its
 * principal's. Any change to a role (here or in another process) reloads them all.
 */
export class RoleDirectory {
  readonly #store: RoleStore
  #roles: Map<number, Role> | undefined
  #loading: Promise<Map<number, Role>> | undefined
  #generation = 0

  constructor(store: RoleStore, feed: ChangeFeed) {
    this.#store = store
    feed.subscribe((change) => {
      if (change === 'all' || (change !== 'deaf' && change.resource === 'role')) this.invalidate()
    })
  }

  /** The role with this ID if the roles are loaded, without waiting (the hot path's way). */
  peek(id: number): Role | undefined {
    return this.#roles?.get(id)
  }

  /**
   * The role with this ID, or undefined when there is none. An ID the roles in memory lack may
   * be a role another process created a moment ago, its notice not yet heard (a key of it is
   * being verified): the roles are read once more before it is taken for absent, unless this
   * call's own read started after it was asked for.
   */
  async get(id: number): Promise<Role | undefined> {
    // A read this call starts needs no second one.
    const readingNow = this.#roles === undefined && this.#loading === undefined
    const role = (this.#roles ?? (await this.#load())).get(id)
    if (role !== undefined || readingNow) return role
    return (await this.#load(true)).get(id)
  }

  invalidate(): void {
    this.#generation++
    this.#roles = undefined
    this.#loading = undefined
  }

  /** Reads every role; joins a read in progress unless `fresh` asks for one that starts now. */
  #load(fresh = false): Promise<Map<number, Role>> {
    if (this.#loading && !fresh) return this.#loading
    // A read started earlier may end later: it must not replace what this one reads.
    if (fresh) this.#generation++
    const generation = this.#generation
    const loading = this.#store.findAll().then((list) => {
      const roles = new Map(list.map((role) => [role.id, role]))
      // A change that arrived while loading may not be in what was read: keep it uncached.
      if (generation === this.#generation) this.#roles = roles
      return roles
    })
    this.#loading = loading
    loading
      .catch(() => {})
      .finally(() => {
        if (this.#loading === loading) this.#loading = undefined
      })
    return loading
  }
}
