/**
 * Reads request scalars the way the model API's server does: it is Java with Jackson's default
 * settings, which reads `"2"` as the integer 2, `"true"` as true and `2` as the text "2".
 * Clients written against it (its own SDK examples among them) rely on that, so Keyward reads
 * them alike — but only where the reading is exact: fractions are not cut to integers, `""`
 * and `null` are not read as 0 or false, arrays are not unwrapped (all of which Jackson or
 * Ajv's `coerceTypes` would do). The rules are listed in README, "Types the API accepts".
 *
 * @module
 */
import type { ValidateFunction } from 'ajv'

interface SchemaNode {
  type?: string | string[]
  properties?: Record<string, SchemaNode>
  items?: SchemaNode
  anyOf?: SchemaNode[]
  enum?: unknown[]
}

/** What Java's `String.trim()` removes, as Jackson trims text before reading a number or boolean. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: Java trims control characters too
const JAVA_TRIM = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g
/** `Integer.parseInt` / `Long.parseLong`: a sign, then decimal digits. */
const INTEGER_TEXT = /^[+-]?\d+$/
/** `Double.parseDouble` without what JSON has no word for: hex, NaN, Infinity, `d`/`f` suffixes. */
const DECIMAL_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

/** The JSON types a schema allows, in order; an enum allows the types of its values. */
function typesOf(schema: SchemaNode): string[] {
  if (schema.anyOf) return schema.anyOf.flatMap(typesOf)
  if (schema.type) return Array.isArray(schema.type) ? schema.type : [schema.type]
  if (schema.enum) return [...new Set(schema.enum.map((value) => typeof value))]
  return []
}

function fits(type: string, value: unknown): boolean {
  if (type === 'integer') return Number.isInteger(value)
  if (type === 'null') return value === null
  return typeof value === type
}

/** The value read as `type`, or undefined when it cannot be read exactly. */
function readAs(type: string, value: unknown): unknown {
  if (typeof value === 'string') {
    const text = value.replace(JAVA_TRIM, '')
    if (type === 'integer' && INTEGER_TEXT.test(text)) {
      const number = Number(text)
      return Number.isSafeInteger(number) ? number : undefined
    }
    if (type === 'number' && DECIMAL_TEXT.test(text)) {
      const number = Number(text)
      return Number.isFinite(number) ? number : undefined
    }
    if (type === 'boolean') {
      if (text === 'true' || text === 'True' || text === 'TRUE') return true
      if (text === 'false' || text === 'False' || text === 'FALSE') return false
    }
    return undefined
  }
  if (type === 'string' && (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value)))) return String(value)
  return undefined
}

/** The branch of a union that describes objects or arrays, for walking into a value. */
function containerOf(schema: SchemaNode, type: 'object' | 'array'): SchemaNode | undefined {
  if (schema.anyOf) return schema.anyOf.map((branch) => containerOf(branch, type)).find((branch) => branch !== undefined)
  return typesOf(schema).includes(type) ? schema : undefined
}

/**
 * Reads the scalars of a request body as its schema's types, in place where they sit in
 * objects and arrays. A value that fits its schema, or cannot be read exactly, is left as it
 * is (validation then names the field). In a union only the first type is a target: that is
 * the model's type, the others are Keyward's wider inputs (an ISO date beside epoch ms).
 */
export function coerceScalars(schema: SchemaNode, value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = containerOf(schema, 'array')?.items
    if (items) for (let i = 0; i < value.length; i++) value[i] = coerceScalars(items, value[i])
    return value
  }
  if (value !== null && typeof value === 'object') {
    const properties = containerOf(schema, 'object')?.properties
    if (properties) {
      const record = value as Record<string, unknown>
      for (const [name, child] of Object.entries(record)) {
        if (Object.hasOwn(properties, name)) record[name] = coerceScalars(properties[name]!, child)
      }
    }
    return value
  }
  const types = typesOf(schema)
  if (types.length === 0 || types.some((type) => fits(type, value))) return value
  return readAs(types[0]!, value) ?? value
}

/** A body validator that first reads scalars as the model's server would. */
export function withScalarCoercion(schema: object, validate: ValidateFunction): ValidateFunction {
  const check = ((data: unknown) => {
    coerceScalars(schema as SchemaNode, data)
    const valid = validate(data)
    check.errors = validate.errors
    return valid
  }) as ValidateFunction
  return check
}
