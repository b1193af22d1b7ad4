/** A JSON schema as the OpenAPI documents (Keyward's and the model's) write it. */
export interface JsonSchema {
  type?: string
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  anyOf?: JsonSchema[]
  enum?: unknown[]
  readOnly?: boolean
  $ref?: string
  [key: string]: unknown
}

export type Resolve = (schema: JsonSchema) => JsonSchema

/** Follows `#/components/schemas/…` references within one document. */
export function resolverOf(doc: { components?: { schemas?: Record<string, JsonSchema> } }): Resolve {
  return (schema) => (schema.$ref ? doc.components!.schemas![schema.$ref.split('/').pop()!]! : schema)
}

const SCALARS = new Set(['integer', 'number', 'boolean'])

/**
 * The integer, number and boolean fields of a schema by JSON path (`rights.platformRights.x`,
 * `searchCriteria[].idValue`); a union's first branch counts.
 */
export function scalarLeaves(schema: JsonSchema, resolve: Resolve = (s) => s, path = ''): Map<string, string> {
  const leaves = new Map<string, string>()
  const s = resolve(schema)
  if (s.anyOf) return scalarLeaves(s.anyOf[0]!, resolve, path)
  if (s.type === 'object') {
    for (const [name, child] of Object.entries(s.properties ?? {})) {
      for (const [leaf, type] of scalarLeaves(child, resolve, path ? `${path}.${name}` : name)) leaves.set(leaf, type)
    }
  } else if (s.type === 'array' && s.items) {
    return scalarLeaves(s.items, resolve, `${path}[]`)
  } else if (s.type && SCALARS.has(s.type)) {
    leaves.set(path, s.type)
  }
  return leaves
}

/** The paths of a value, in the notation of {@link scalarLeaves}, whose value is a scalar. */
export function valuePaths(value: unknown, path = ''): Set<string> {
  if (Array.isArray(value)) return new Set(value.flatMap((item) => [...valuePaths(item, `${path}[]`)]))
  if (value !== null && typeof value === 'object') {
    return new Set(Object.entries(value).flatMap(([name, child]) => [...valuePaths(child, path ? `${path}.${name}` : name)]))
  }
  return new Set([path])
}

/** A copy of a body with every integer, number and boolean its schema names written as JSON text ("2", "true"). */
export function asStrings(value: unknown, leaves: Map<string, string>, path = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => asStrings(item, leaves, `${path}[]`))
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, child]) => [name, asStrings(child, leaves, path ? `${path}.${name}` : name)]))
  }
  return leaves.has(path) && (typeof value === 'number' || typeof value === 'boolean') ? String(value) : value
}
