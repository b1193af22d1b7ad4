import { isIP } from 'node:net'
import { Ajv, type ErrorObject, type FormatDefinition, type ValidateFunction } from 'ajv'
import type { FastifySchemaCompiler } from 'fastify'
import { KeywardError } from '../errors/keyward-error.js'
import { isIpRange } from '../auth/ip-allow-list.js'
import { nameFault } from '../auth/name-key.js'
import { isPermission } from '../permissions/permission.js'
import { isTimeZone } from '../time/time-zone.js'
import { withScalarCoercion } from './scalar-coercion.js'

/**
 * Keyward's string formats of the schemas, by name. The serialiser's Ajv (fast-json-stringify's,
 * which tells the branches of an answer's `anyOf` apart) needs them as much as the validator's.
 */
export const STRING_FORMATS: Record<string, FormatDefinition<string>> = {
  'time-zone': { type: 'string', validate: isTimeZone },
  permission: { type: 'string', validate: isPermission },
  'ip-range': { type: 'string', validate: isIpRange },
  'ip-address': { type: 'string', validate: (text: string) => isIP(text) !== 0 },
  'single-line': { type: 'string', validate: isSingleLine },
  name: { type: 'string', validate: (text: string) => nameFault(text) === undefined },
  'email-address': { type: 'string', validate: isEmailAddressOrEmpty },
}

/**
 * Compiles route schemas with Ajv: bodies strictly (no removal of unknown fields, and only the
 * exact scalar readings of `scalar-coercion.ts`, so other wrong types and unknown fields are
 * errors), path and query parameters with coercion (they arrive as text).
 */
export function createValidatorCompiler(): FastifySchemaCompiler<unknown> {
  const base = { allErrors: false, useDefaults: false, removeAdditional: false, verbose: true, strict: false, formats: STRING_FORMATS } as const
  const strict = new Ajv({ ...base, coerceTypes: false })
  const coercing = new Ajv({ ...base, coerceTypes: true })
  return ({ schema, httpPart }) => {
    if (httpPart === 'body') return withScalarCoercion(schema as object, strict.compile(schema as object))
    const validate = coercing.compile(schema as object)
    if (httpPart !== 'params') return validate
    return strictIds(schema as { properties?: Record<string, { type?: string }> }, validate)
  }
}

/**
 * Path IDs are decimal digits, as in the model API (`\d+`). Ajv's coercion would also read
 * `0x1`, `1e0`, `+1` or ` 1` as 1, so integer path parameters are checked as text first.
 */
function strictIds(schema: { properties?: Record<string, { type?: string }> }, validate: ValidateFunction): ValidateFunction {
  const ids = Object.entries(schema.properties ?? {})
    .filter(([, property]) => property.type === 'integer')
    .map(([name]) => name)
  if (ids.length === 0) return validate
  const check = ((data: Record<string, unknown>) => {
    for (const name of ids) {
      const value = data[name]
      if (typeof value === 'string' && !/^-?\d+$/.test(value)) {
        check.errors = [
          {
            keyword: 'type',
            instancePath: `/${name}`,
            schemaPath: '',
            params: { type: 'integer' },
            schema: 'integer',
            parentSchema: { type: 'integer' },
            data: value,
          },
        ]
        return false
      }
    }
    const valid = validate(data)
    check.errors = validate.errors
    return valid
  }) as ValidateFunction
  return check
}

/** A name is shown on one line and typed back: tabs, line breaks and other controls have no place in it. */
function isSingleLine(value: string): boolean {
  return !/\p{Cc}/u.test(value)
}

/** Empty (none), or one `@` between a local part and a domain, without spaces or controls: what a mail client accepts, not RFC 5322's every corner. */
function isEmailAddressOrEmpty(value: string): boolean {
  return value === '' || /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u.test(value)
}

/**
 * Validates a command's input (the CLI's) against a route's body schema, with the same rules
 * and messages as the API.
 *
 * @throws KeywardError as the API would answer the same body.
 */
export function validateBody(schema: object, value: unknown): void {
  const validate = createValidatorCompiler()({ schema, httpPart: 'body', method: 'POST', url: '' }) as ValidateFunction
  if (!validate(value)) throw toValidationError(validate.errors ?? [], 'body')
}

const WRAPPERS = new Set(['type', 'anyOf', 'oneOf', 'if'])

/** Names a JSON location the way clients write it: `searchCriteria[0].fieldName`. */
function fieldName(instancePath: string, context: string, child?: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
  if (child !== undefined) parts.push(child)
  if (parts.length === 0) return context
  return parts.reduce((name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part), '')
}

function typesOf(schema: unknown): string[] {
  const s = (schema ?? {}) as { type?: string | string[]; anyOf?: unknown[]; enum?: unknown[] }
  if (s.anyOf) return s.anyOf.flatMap(typesOf)
  if (s.type) return Array.isArray(s.type) ? s.type : [s.type]
  return []
}

/**
 * Turns Ajv's errors for one request part into the one error a client reads: the field,
 * what is wrong with it, and nothing about Ajv.
 */
export function toValidationError(errors: readonly ErrorObject[], context: string): KeywardError {
  // A concrete constraint (minimum, enum, …) says more than the "type" errors of the other
  // branches of a union it sits in.
  const error = errors.find((e) => !WRAPPERS.has(e.keyword)) ?? errors.find((e) => e.keyword === 'anyOf') ?? errors[0]
  if (!error) return new KeywardError('request.malformed')
  const field = fieldName(error.instancePath, context)
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'required':
      return new KeywardError('request.field_required', { field: fieldName(error.instancePath, context, String(params.missingProperty)) })
    case 'additionalProperties':
      return new KeywardError('request.field_unknown', { field: fieldName(error.instancePath, context, String(params.additionalProperty)) })
    case 'type':
    case 'anyOf':
      return new KeywardError('request.field_type', { field, type: typesOf(error.parentSchema ?? error.schema).join(' | ') || String(params.type) })
    case 'enum':
      return new KeywardError('request.field_enum', { field, values: (params.allowedValues as unknown[]).join(', ') })
    case 'minLength':
      return new KeywardError('request.field_too_short', { field, limit: Number(params.limit) })
    case 'maxLength':
      return new KeywardError('request.field_too_long', { field, limit: Number(params.limit) })
    case 'minItems':
      return new KeywardError('request.field_too_few_items', { field, limit: Number(params.limit) })
    case 'maxItems':
      return new KeywardError('request.field_too_many_items', { field, limit: Number(params.limit) })
    case 'minimum':
    case 'exclusiveMinimum':
      return new KeywardError('request.field_too_small', { field, limit: Number(params.limit) })
    case 'maximum':
    case 'exclusiveMaximum':
      return new KeywardError('request.field_too_large', { field, limit: Number(params.limit) })
    case 'format':
      if (params.format === 'time-zone') return new KeywardError('request.time_zone_invalid', { field, value: String(error.data) })
      if (params.format === 'permission') return new KeywardError('permission.invalid', { field, value: String(error.data) })
      if (params.format === 'ip-range') return new KeywardError('request.ip_range_invalid', { field, value: String(error.data) })
      if (params.format === 'single-line') return new KeywardError('request.field_control_characters', { field })
      if (params.format === 'name') {
        return new KeywardError(nameFault(String(error.data)) === 'invisible' ? 'request.field_control_characters' : 'request.field_mixed_script', { field })
      }
      return new KeywardError('request.field_invalid', { field })
    default:
      return new KeywardError('request.field_invalid', { field })
  }
}
