/**
 * Fields of the model API that mean nothing in Keyward (computer scopes, phone numbers, …) are
 * accepted, kept exactly as sent and returned, with no effect, so that clients written for the
 * model read back what they wrote (issue 15). README lists them.
 *
 * @module
 */

/** Schema options of a kept field: its description says so, and `x-keyward-kept` marks it in the OpenAPI document. */
export const kept = (description: string) => ({ description: `${description} Accepted and kept, no effect in Keyward.`, 'x-keyward-kept': true })

/** The kept fields after a create or modify body: a field sent replaces what was kept, in the order of `names`. */
export function applyKept<T extends object>(names: readonly (keyof T & string)[], base: T, input: Partial<Record<string, unknown>>): T {
  const result: Record<string, unknown> = {}
  for (const name of names) {
    const value = input[name] ?? base[name]
    if (value !== undefined) result[name] = value
  }
  return result as T
}
