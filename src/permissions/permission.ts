/**
 * Application permissions: slugs an operator chooses for their own services
 * (`invoices.read`, `reports:*`), held by roles and keys and checked by the verify operation.
 *
 * Grammar: one to ten parts separated by `.` or `:`; a part is letters, digits, `_` and `-`;
 * the last part may be `*`, which grants every permission that starts with what precedes it
 * (`reports:*` grants `reports:read` and `reports:daily:read`). `*` alone grants everything.
 * Case matters. At most 128 characters.
 *
 * @module
 */

export const PERMISSION_MAX_LENGTH = 128
/** Most permissions a role or a key holds directly. */
export const PERMISSIONS_MAX_ITEMS = 500

const PERMISSION = /^(?:\*|[A-Za-z0-9_-]+(?:[.:][A-Za-z0-9_-]+){0,9}(?:[.:]\*)?)$/

/** Whether a text is a permission in the grammar above. */
export function isPermission(text: string): boolean {
  return text.length <= PERMISSION_MAX_LENGTH && PERMISSION.test(text)
}

/**
 * Whether holding `held` grants `wanted`: the same permission, or a wildcard whose prefix
 * `wanted` starts with (a wildcard is granted only by itself or a wider wildcard).
 */
export function grants(held: string, wanted: string): boolean {
  if (held === wanted || held === '*') return true
  if (!held.endsWith('*')) return false
  return wanted.length > held.length - 1 && wanted.startsWith(held.slice(0, -1))
}

/** A set of held permissions, answering "is this one granted?" in time independent of its size for exact ones. */
export class PermissionSet {
  readonly #exact: ReadonlySet<string>
  readonly #wildcards: readonly string[]

  constructor(held: Iterable<string>) {
    const exact = new Set<string>()
    const wildcards: string[] = []
    for (const permission of held) {
      if (permission.endsWith('*')) wildcards.push(permission)
      else exact.add(permission)
    }
    this.#exact = exact
    this.#wildcards = wildcards
  }

  has(wanted: string): boolean {
    return this.#exact.has(wanted) || this.#wildcards.some((held) => grants(held, wanted))
  }
}

/** Merges permission lists into one sorted list without repeats (the effective permissions of a key). */
export function mergePermissions(...lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort()
}

/** Whether two sorted permission lists are the same. */
export function samePermissions(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((permission, i) => permission === b[i])
}
