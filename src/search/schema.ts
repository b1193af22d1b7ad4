import { Type, type Static } from 'typebox'

const COMPARISONS = ['less-than', 'less-than-or-equal', 'equal', 'greater-than-or-equal', 'greater-than', 'not-equal'] as const
const EQUALITIES = ['equal', 'not-equal'] as const
const STRING_TESTS = [...EQUALITIES, 'contains'] as const
const INT64_MAX = Number.MAX_SAFE_INTEGER

/** One test of a search filter, as in the model API (`SearchCriteria`). */
export const SearchCriteriaSchema = Type.Object(
  {
    fieldName: Type.Optional(Type.String({ maxLength: 100, description: 'Name of the field to test. Required for all tests except idTest.' })),
    booleanTest: Type.Optional(Type.Boolean({ description: 'Boolean test for boolean fields. Default true.' })),
    numericTest: Type.Optional(Type.Enum(COMPARISONS, { description: 'Numeric test, used with numericValue. Default "equal".' })),
    numericValue: Type.Optional(Type.Number({ description: 'Value of the numeric test.' })),
    stringTest: Type.Optional(
      Type.Enum(STRING_TESTS, {
        description:
          'String test, used with stringValue. Default "equal". Keyward extension: "contains" finds stringValue anywhere in the field, ignoring ASCII case.',
      }),
    ),
    stringValue: Type.Optional(
      Type.String({ maxLength: 1000, description: 'Value of the string test; % and _ are wildcards unless stringWildcards is false.' }),
    ),
    stringWildcards: Type.Optional(
      Type.Boolean({
        description: 'Whether % and _ in stringValue are wildcards (true, the default; matching ignores ASCII case) or literal characters (matching is exact).',
      }),
    ),
    choiceTest: Type.Optional(Type.Enum(EQUALITIES, { description: 'Choice test for enumerated fields, used with choiceValue. Default "equal".' })),
    choiceValue: Type.Optional(Type.String({ maxLength: 100, description: 'Value of the choice test.' })),
    firstDateValue: Type.Optional(
      Type.Integer({ minimum: 0, maximum: INT64_MAX, description: 'Low end of a date range, ms since epoch; none means no lower limit.' }),
    ),
    firstDateInclusive: Type.Optional(Type.Boolean({ description: 'Whether the range includes firstDateValue. Default true.' })),
    lastDateValue: Type.Optional(
      Type.Integer({ minimum: 0, maximum: INT64_MAX, description: 'High end of a date range, ms since epoch; none means no upper limit.' }),
    ),
    lastDateInclusive: Type.Optional(Type.Boolean({ description: 'Whether the range includes lastDateValue. Default true.' })),
    nullTest: Type.Optional(Type.Boolean({ description: 'true matches objects whose field is null, false those whose field is set.' })),
    versionTest: Type.Optional(Type.Enum(COMPARISONS, { description: 'Version test (no Keyward field is searchable as a version).' })),
    versionValue: Type.Optional(Type.String({ maxLength: 100 })),
    idTest: Type.Optional(Type.Enum(COMPARISONS, { description: 'ID test, used with idValue. Default "equal".' })),
    idValue: Type.Optional(Type.Integer({ minimum: 0, maximum: INT64_MAX, description: 'Value of the ID test.' })),
  },
  { additionalProperties: false, description: 'A test on one field of the searched objects.' },
)

/** A search, as in the model API (`SearchFilter`). All criteria must match. */
export const SearchFilterSchema = Type.Object(
  {
    maxItems: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647, description: 'Most objects to return. Default 5000.' })),
    searchCriteria: Type.Optional(
      Type.Array(SearchCriteriaSchema, { maxItems: 50, description: 'Criteria that every returned object satisfies. None returns all objects.' }),
    ),
    sortByObjectID: Type.Optional(Type.Boolean({ description: 'Sort by ID (the default order). Overrides sortField.' })),
    sortField: Type.Optional(Type.String({ maxLength: 100, description: 'Keyward extension: a searchable field to sort by; ties are sorted by ID.' })),
    sortDescending: Type.Optional(Type.Boolean({ description: 'Keyward extension: sort in descending order.' })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647, description: 'Keyward extension: skip this many matching objects first.' })),
    countTotal: Type.Optional(
      Type.Boolean({
        description:
          'Keyward extension: also count the matching objects (ignoring maxItems and offset) into the X-Total-Count header, with X-Total-Count-Relation "eq". Counting stops past KEYWARD_SEARCH_COUNT_LIMIT matches (10,000 by default): X-Total-Count is then that limit and X-Total-Count-Relation "gte", a lower bound.',
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'A search filter. To page through results, repeat the search with an idTest "greater-than" the last ID seen, sortByObjectID true and maxItems the page size, until a page comes back empty.',
  },
)

export type SearchCriteria = Static<typeof SearchCriteriaSchema>
export type SearchFilter = Static<typeof SearchFilterSchema>
export type Comparison = (typeof COMPARISONS)[number]

/** What a search returns: the matching items in the filter's order and, when it asked `countTotal`, how many match in all. */
export interface SearchResult<Item> {
  readonly items: Item[]
  readonly total?: number
  /** Whether `total` is a lower bound: more match, and counting stopped at the store's count limit. */
  readonly totalIsLowerBound?: boolean
}
