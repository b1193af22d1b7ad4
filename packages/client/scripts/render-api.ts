/**
 * Renders `src/generated/api.ts` from Keyward's OpenAPI document: a request and a response
 * type per operation, and a method per operation an API key may call. The client's types come
 * from the server's TypeBox schemas this way only, so they cannot drift from them
 * (`packages/client/test/generated-api.test.ts` fails when the file is out of date).
 *
 * @module
 */

interface JsonSchema {
  type?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  items?: JsonSchema
  anyOf?: JsonSchema[]
  enum?: unknown[]
  nullable?: boolean
  readOnly?: boolean
  writeOnly?: boolean
  description?: string
}

interface Operation {
  operationId: string
  summary?: string
  description?: string
  security?: Record<string, unknown>[]
  parameters?: { in: string; name: string; schema: JsonSchema }[]
  requestBody?: { content: Record<string, { schema: JsonSchema }> }
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>
}

/** Which side of the wire a type is for: a request leaves out read-only fields, a response write-only ones. */
type Side = 'request' | 'response'

function comment(text: string | undefined, indent: string): string {
  return text ? `${indent}/** ${text.replaceAll('*/', '*\\/')} */\n` : ''
}

function typeOf(schema: JsonSchema, side: Side, indent: string): string {
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ')
  if (schema.anyOf) return [...new Set(schema.anyOf.map((member) => typeOf(member, side, indent)))].join(' | ')
  switch (schema.type) {
    case 'string':
      return 'string'
    case 'integer':
    case 'number':
      return 'number'
    case 'boolean':
      return 'boolean'
    case 'array':
      return `Array<${schema.items ? typeOf(schema.items, side, indent) : 'unknown'}>`
    case 'object':
      return objectOf(schema, side, indent)
    default:
      return 'unknown'
  }
}

function objectOf(schema: JsonSchema, side: Side, indent: string): string {
  const hidden = side === 'request' ? 'readOnly' : 'writeOnly'
  const fields = Object.entries(schema.properties ?? {}).filter(([, field]) => !field[hidden])
  const open = schema.additionalProperties === true || typeof schema.additionalProperties === 'object'
  // A record's values keep their type (an audit entry's `changes` are `{from?, to?}` each).
  const values = typeof schema.additionalProperties === 'object' ? typeOf(schema.additionalProperties, side, indent) : 'unknown'
  if (fields.length === 0) return open ? `Record<string, ${values}>` : 'Record<string, never>'
  const inner = `${indent}  `
  const required = new Set(schema.required ?? [])
  const lines = fields.map(
    ([name, field]) =>
      `${comment(field.description, inner)}${inner}${/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name)}${required.has(name) ? '' : '?'}: ${typeOf(field, side, inner)}`,
  )
  if (open) lines.push(`${inner}[field: string]: unknown`)
  return `{\n${lines.join('\n')}\n${indent}}`
}

const pascal = (name: string) => name[0]!.toUpperCase() + name.slice(1)

function jsonSchemaOf(content: Record<string, { schema: JsonSchema }> | undefined): JsonSchema | undefined {
  return content?.['application/json']?.schema
}

/** The operations a secret key may call and the client offers, in the document's order. */
function clientOperations(doc: OpenApiDocument) {
  const operations: { method: string; path: string; operation: Operation }[] = []
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (isByKey(operation) && !isStream(operation)) operations.push({ method: method.toUpperCase(), path, operation })
    }
  }
  return operations
}

/** The streams of Server-Sent Events a secret key may open: their events' data are typed, not called. */
function streamOperations(doc: OpenApiDocument): Operation[] {
  return Object.values(doc.paths)
    .flatMap((methods) => Object.values(methods))
    .filter((operation) => isByKey(operation) && isStream(operation))
}

const isByKey = (operation: Operation) => operation.security?.some((scheme) => 'Legacy_API_Key' in scheme) ?? false
const isStream = (operation: Operation) => operation.responses['200']?.content?.['text/event-stream'] !== undefined

/** The TypeScript module for an OpenAPI document (what `npm run generate -w keyward-client` writes). */
export function renderApi(doc: OpenApiDocument): string {
  const types: string[] = []
  const methods: string[] = []
  // Operations that share a shape share its type: a later one names the first.
  const firstNamed = new Map<string, string>()
  const declare = (name: string, description: string | undefined, type: string) => {
    const same = firstNamed.get(type)
    if (same === undefined) firstNamed.set(type, name)
    types.push(`${comment(description, '')}export type ${name} = ${same ?? type}\n`)
  }
  for (const operation of streamOperations(doc)) {
    const event = operation.responses['200']!.content!['text/event-stream']!.schema
    declare(`${pascal(operation.operationId)}Event`, event.description, typeOf(event, 'response', ''))
  }
  for (const { method, path, operation } of clientOperations(doc)) {
    const name = pascal(operation.operationId)
    const body = jsonSchemaOf(operation.requestBody?.content)
    const answer = jsonSchemaOf(operation.responses['200']?.content)
    if (body) declare(`${name}Request`, body.description, typeOf(body, 'request', ''))
    declare(`${name}Response`, answer?.description, answer ? typeOf(answer, 'response', '') : 'void')
    const pathParams = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path')
    const args = [
      ...pathParams.map((parameter) => `${parameter.name}: ${typeOf(parameter.schema, 'request', '  ')}`),
      ...(body ? [`body: ${name}Request`] : []),
    ]
    const url = path.replaceAll(/\{(\w+)\}/g, (_all, parameter: string) => `\${encodeURIComponent(${parameter})}`)
    methods.push(
      `${comment([operation.summary, operation.description].filter(Boolean).join('. '), '  ')}` +
        `  ${operation.operationId}(${args.join(', ')}): Promise<${name}Response> {\n` +
        `    return this.call('${method}', \`${url}\`${body ? ', body' : ''})\n  }\n`,
    )
  }
  return [
    "// Generated from Keyward's /api/openapi.json by `npm run generate -w keyward-client`: do not edit.",
    '/* eslint-disable */',
    '',
    ...types,
    "/** A method per operation of Keyward's API that a secret key may call. */",
    'export abstract class KeywardOperations {',
    "  /** Sends one request to Keyward's API and returns its JSON answer. */",
    '  protected abstract call<T>(method: string, path: string, body?: unknown): Promise<T>',
    '',
    methods.join('\n'),
    '}',
    '',
  ].join('\n')
}
