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
  #loading: Read | undefined
  #generation = 0
  /** How many times a role was asked for: a read that starts at N has seen every role asked for by ask N or earlier. */
  #asks = 0

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
   * being verified): it is taken for absent only after a read that began after it was asked
   * for. Concurrent asks share such a read, so a burst of unknown role IDs costs one.
   */
  async get(id: number): Promise<Role | undefined> {
    const asked = ++this.#asks
    if (this.#roles) {
      const role = this.#roles.get(id)
      if (role !== undefined) return role
    } else {
      // Any read under way will do for a role that exists.
      const read = this.#read(0)
      const role = (await read.roles).get(id)
      if (role !== undefined || (read.asksBefore ?? 0) >= asked) return role
    }
    return (await this.#read(asked).roles).get(id)
  }

  invalidate(): void {
    this.#generation++
    this.#roles = undefined
    this.#loading = undefined
  }

  /**
   * A read of every role that begins after ask `asked`: the one under way if it did, else a new
   * one. A new read begins once the asks of this turn of the event loop are in (`setImmediate`),
   * so that a burst of asks shares it.
   */
  #read(asked: number): Read {
    if (this.#loading && (this.#loading.asksBefore === undefined || this.#loading.asksBefore >= asked)) return this.#loading
    // A read started earlier may end later: it must not replace what this one reads, nor what
    // one reads after a change (invalidate() counts a generation too).
    const generation = ++this.#generation
    const read: Read = {
      asksBefore: undefined,
      roles: new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => {
          read.asksBefore = this.#asks
          return this.#store.findAll()
        })
        .then((list) => {
          const roles = new Map(list.map((role) => [role.id, role]))
          // A change that arrived while loading may not be in what was read: keep it uncached.
          if (generation === this.#generation) this.#roles = roles
          return roles
        }),
    }
    this.#loading = read
    read.roles
      .catch(() => {})
      .finally(() => {
        if (this.#loading === read) this.#loading = undefined
      })
    return read
  }
}

interface Read {
  readonly roles: Promise<Map<number, Role>>
  /** How many asks were made before it began; undefined until it begins. */
  asksBefore: number | undefined
}
