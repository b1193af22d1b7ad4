import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely'
import { KeywardError } from '../errors/keyward-error.js'
import type { TextMatcher } from '../store/text-match.js'
import type { Comparison, SearchCriteria, SearchFilter } from './schema.js'

export type SearchFieldKind = 'string' | 'numeric' | 'boolean' | 'date' | 'choice'

export interface SearchField {
  readonly column: string
  readonly kind: SearchFieldKind
  /** Allowed values of a choice field. */
  readonly choices?: readonly string[]
  /** An SQLite FTS5 trigram table of a string field, whose rowid is the ID, for `contains` tests (PostgreSQL indexes the column itself). */
  readonly trigrams?: string
}

/**
 * A field to sort by only, read from another table (Keyward extension): a key's or an
 * administrator's role name (`roleName`), so a Role column sorts by what it shows.
 */
export interface SortLookup {
  /** The table and column read, e.g. `roles.name`: unique and never null. */
  readonly column: string
  /** Its row's ID column, e.g. `roles.id`, equal to `via`. */
  readonly idColumn: string
  /** The searched table's column that holds that ID, a foreign key never null: `role_id`. */
  readonly via: string
}

/** What a resource lets clients search: its ID column and its searchable fields by JSON name. */
export interface SearchableResource {
  readonly idColumn: string
  readonly fields: Readonly<Record<string, SearchField>>
  readonly sortLookups?: Readonly<Record<string, SortLookup>>
}

export interface CompiledSearch {
  readonly conditions: RawBuilder<SqlBool>[]
  readonly limit: number
  readonly offset: number
  /** What to sort by (then the ID column), or nothing for the ID column alone; and the direction. */
  readonly sortBy: RawBuilder<unknown> | undefined
  /** Instead, another table's column to sort by (then the ID column): see `store/searchable-table.ts`. */
  readonly sortLookup?: SortLookup
  readonly idColumn: string
  readonly descending: boolean
}

type TestKind = SearchFieldKind | 'id' | 'null' | 'version'

const DEFAULT_MAX_ITEMS = 5000

const OPERATORS: Record<Comparison, string> = {
  'less-than': '<',
  'less-than-or-equal': '<=',
  equal: '=',
  'greater-than-or-equal': '>=',
  'greater-than': '>',
  'not-equal': '<>',
}

/** The value keys that name each kind of test; a criterion must use exactly one kind. */
/** How messages name each kind of test: by the property that asks for it. */
const TEST_NAMES: Record<TestKind, string> = {
  id: 'idTest',
  string: 'stringTest',
  numeric: 'numericTest',
  boolean: 'booleanTest',
  choice: 'choiceTest',
  date: 'firstDateValue/lastDateValue',
  null: 'nullTest',
  version: 'versionTest',
}

const TEST_KEYS: Record<TestKind, readonly (keyof SearchCriteria)[]> = {
  id: ['idTest', 'idValue'],
  string: ['stringTest', 'stringValue', 'stringWildcards'],
  numeric: ['numericTest', 'numericValue'],
  boolean: ['booleanTest'],
  choice: ['choiceTest', 'choiceValue'],
  date: ['firstDateValue', 'firstDateInclusive', 'lastDateValue', 'lastDateInclusive'],
  null: ['nullTest'],
  version: ['versionTest', 'versionValue'],
}

/**
 * Turns a search filter of the model API's language into SQL conditions on a resource's
 * table. Nothing is loaded to filter in memory: every test becomes a condition, and
 * `maxItems` a `LIMIT`.
 *
 * Values are bound as parameters and cast where PostgreSQL would otherwise infer the column's
 * type from them (a numeric test of 2.5 on an integer column, an ID beyond int32). Wildcard
 * string tests go to `matchText`, the engine's (see `store/text-match.ts`).
 *
 * @throws KeywardError `search.*` naming the criterion (1-based) and what is wrong with it.
 */
export function compileSearch(filter: SearchFilter, resource: SearchableResource, matchText: TextMatcher): CompiledSearch {
  const conditions = (filter.searchCriteria ?? []).map((criterion, index) => compileCriterion(criterion, index + 1, resource, matchText))
  return {
    conditions,
    limit: filter.maxItems ?? DEFAULT_MAX_ITEMS,
    offset: filter.offset ?? 0,
    ...(filter.sortByObjectID ? { sortBy: undefined } : sortOf(resource, filter.sortField)),
    idColumn: resource.idColumn,
    descending: filter.sortDescending ?? false,
  }
}

function sortOf(resource: SearchableResource, sortField: string | undefined): Pick<CompiledSearch, 'sortBy' | 'sortLookup'> {
  if (sortField === undefined || sortField === 'ID') return { sortBy: undefined }
  const field = fieldOf(resource, sortField)
  if (field) return { sortBy: field.column === resource.idColumn ? undefined : sql`${sql.ref(field.column)}` }
  const lookups = resource.sortLookups ?? {}
  const lookup = Object.hasOwn(lookups, sortField) ? lookups[sortField] : undefined
  if (!lookup) {
    throw new KeywardError('search.sort_field_unknown', {
      field: sortField,
      fields: ['ID', ...Object.keys(resource.fields), ...Object.keys(lookups)].join(', '),
    })
  }
  return { sortBy: undefined, sortLookup: lookup }
}

/** Applies a compiled search to a query: its conditions, order, offset and limit. */
export function applySearch<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, search: CompiledSearch): SelectQueryBuilder<DB, TB, O> {
  return applyOrder(applyConditions(query, search), search).offset(search.offset).limit(search.limit)
}

/** Applies only the order of a compiled search: its sort column, then the ID column. */
export function applyOrder<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, search: CompiledSearch): SelectQueryBuilder<DB, TB, O> {
  const direction = search.descending ? sql.raw('desc') : sql.raw('asc')
  // Unset values sort as the largest on both engines (SQLite would put them first).
  const nulls = search.descending ? sql.raw('nulls first') : sql.raw('nulls last')
  const sorted = search.sortBy ? query.orderBy(sql`${search.sortBy} ${direction} ${nulls}`) : query
  return sorted.orderBy(sql`${sql.ref(search.idColumn)} ${direction}`)
}

/** Applies only the conditions of a compiled search, for counting every match. */
export function applyConditions<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, search: CompiledSearch): SelectQueryBuilder<DB, TB, O> {
  let result = query
  for (const condition of search.conditions) result = result.where(condition)
  return result
}

function compileCriterion(c: SearchCriteria, index: number, resource: SearchableResource, matchText: TextMatcher): RawBuilder<SqlBool> {
  const kinds = (Object.keys(TEST_KEYS) as TestKind[]).filter((kind) => TEST_KEYS[kind].some((key) => c[key] !== undefined))
  if (kinds.length > 1) throw new KeywardError('search.test_ambiguous', { index, tests: kinds.map((k) => TEST_NAMES[k]).join(', ') })

  if (kinds[0] === 'id' || (kinds.length === 0 && c.fieldName === 'ID')) {
    if (c.fieldName !== undefined && c.fieldName !== 'ID') {
      throw new KeywardError('search.test_mismatch', { index, test: TEST_NAMES.id, field: c.fieldName, kind: kindOf(resource, c.fieldName, index) })
    }
    if (c.idValue === undefined) throw new KeywardError('search.value_missing', { index, test: TEST_NAMES.id, value: 'idValue' })
    return sql<SqlBool>`${sql.ref(resource.idColumn)} ${sql.raw(OPERATORS[c.idTest ?? 'equal'])} cast(${c.idValue} as bigint)`
  }

  if (c.fieldName === undefined) throw new KeywardError('search.field_missing', { index })
  const field = fieldOf(resource, c.fieldName)
  if (!field) {
    throw new KeywardError('search.field_unknown', { index, field: c.fieldName, fields: ['ID', ...Object.keys(resource.fields)].join(', ') })
  }
  const column = sql.ref(field.column)
  const kind: TestKind | undefined = kinds[0] ?? (field.kind === 'boolean' ? 'boolean' : undefined)
  if (kind === undefined) throw new KeywardError('search.test_missing', { index, field: c.fieldName, kind: field.kind })
  if (kind === 'null') return c.nullTest ? sql<SqlBool>`${column} is null` : sql<SqlBool>`${column} is not null`
  if (kind !== field.kind) throw new KeywardError('search.test_mismatch', { index, test: TEST_NAMES[kind], field: c.fieldName, kind: field.kind })

  switch (field.kind) {
    case 'boolean':
      return sql<SqlBool>`${column} = ${c.booleanTest === false ? 0 : 1}`
    case 'numeric': {
      if (c.numericValue === undefined) throw new KeywardError('search.value_missing', { index, test: TEST_NAMES.numeric, value: 'numericValue' })
      return sql<SqlBool>`${column} ${sql.raw(OPERATORS[c.numericTest ?? 'equal'])} cast(${c.numericValue} as double precision)`
    }
    case 'string': {
      if (c.stringValue === undefined) throw new KeywardError('search.value_missing', { index, test: TEST_NAMES.string, value: 'stringValue' })
      const negate = c.stringTest === 'not-equal'
      const contains = c.stringTest === 'contains'
      if (c.stringWildcards === false && !contains) return negate ? sql<SqlBool>`${column} <> ${c.stringValue}` : sql<SqlBool>`${column} = ${c.stringValue}`
      const trigrams = field.trigrams === undefined ? undefined : { table: field.trigrams, column: field.column, idColumn: resource.idColumn }
      return matchText(column, c.stringValue, { negate, contains, wildcards: c.stringWildcards !== false, trigrams })
    }
    case 'choice': {
      if (c.choiceValue === undefined) throw new KeywardError('search.value_missing', { index, test: TEST_NAMES.choice, value: 'choiceValue' })
      if (field.choices && !field.choices.includes(c.choiceValue)) {
        throw new KeywardError('request.field_enum', { field: `searchCriteria[${index - 1}].choiceValue`, values: field.choices.join(', ') })
      }
      return sql<SqlBool>`${column} ${sql.raw(c.choiceTest === 'not-equal' ? '<>' : '=')} ${c.choiceValue}`
    }
    case 'date': {
      if (c.firstDateValue === undefined && c.lastDateValue === undefined) {
        throw new KeywardError('search.value_missing', { index, test: TEST_NAMES.date, value: 'firstDateValue/lastDateValue' })
      }
      const parts: RawBuilder<SqlBool>[] = []
      if (c.firstDateValue !== undefined) {
        parts.push(sql<SqlBool>`${column} ${sql.raw(c.firstDateInclusive === false ? '>' : '>=')} cast(${c.firstDateValue} as bigint)`)
      }
      if (c.lastDateValue !== undefined) {
        parts.push(sql<SqlBool>`${column} ${sql.raw(c.lastDateInclusive === false ? '<' : '<=')} cast(${c.lastDateValue} as bigint)`)
      }
      return sql<SqlBool>`(${sql.join(parts, sql` and `)})`
    }
  }
}

/** A resource's field by name: its own fields only, never `constructor`, `__proto__` or the like. */
function fieldOf(resource: SearchableResource, name: string): SearchField | undefined {
  return Object.hasOwn(resource.fields, name) ? resource.fields[name] : undefined
}

function kindOf(resource: SearchableResource, fieldName: string, index: number): string {
  const field = fieldOf(resource, fieldName)
  if (!field) throw new KeywardError('search.field_unknown', { index, field: fieldName, fields: ['ID', ...Object.keys(resource.fields)].join(', ') })
  return field.kind
}
