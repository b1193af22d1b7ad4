import type { Updateable } from 'kysely'
import type { Flag } from './tables.js'

/** Which column holds each changeable property of a resource. */
export type ColumnsOf<Changes, Table> = { readonly [K in keyof Changes]-?: keyof Table & string }

/**
 * Turns a resource's changes into the columns to set: properties left undefined stay as they
 * are, `null` clears, booleans become the 0/1 both engines store, arrays become JSON.
 */
export function toColumns<Changes extends object, Table>(changes: Changes, columns: ColumnsOf<Changes, Table>): Updateable<Table> {
  const set: Record<string, unknown> = {}
  for (const [property, value] of Object.entries(changes)) {
    if (value === undefined) continue
    set[columns[property as keyof Changes]] =
      typeof value === 'boolean' ? flag(value) : value !== null && typeof value === 'object' ? JSON.stringify(value) : value
  }
  return set as Updateable<Table>
}

/** A boolean as the 0/1 both engines store. */
export const flag = (value: boolean): Flag => (value ? 1 : 0)

/** A nullable column as an optional property. */
export const optional = <T>(value: T | null): T | undefined => (value === null ? undefined : value)

/** A nullable numeric column as an optional number (PostgreSQL's bigint arrives as a string). */
export const optionalNumber = (value: number | string | null): number | undefined => (value === null ? undefined : Number(value))

/** A JSON object column (what `JSON.stringify` wrote) as an object. */
export const parseStoredObject = <T extends object>(json: string): T => {
  const value: unknown = JSON.parse(json)
  return (value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {}) as T
}

/** A JSON array column of strings as a list (what `toColumns` wrote). */
export const parseStoredList = (json: string): string[] => {
  const value: unknown = JSON.parse(json)
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
}
