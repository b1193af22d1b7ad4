/**
 * Issue 9, finding 6 (bodies): JSON nested thousands of levels deep answered 500 (the body
 * check overflowed the stack), even without credentials. Nesting is capped at 64 levels,
 * counted on the text before it is parsed, so a 1 MB nested body costs one linear scan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

const nestedObjects = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)
const TOO_DEEP = 'The request body nests objects and arrays more than 64 levels deep.'

describe(`${testEngine()}: deeply nested JSON bodies`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it.each([
    ['objects 5,000 levels deep', nestedObjects(5000)],
    ['arrays 5,000 levels deep', nestedArrays(5000)],
    ['arrays nested through 1 MB (524,000 levels)', nestedArrays(524_000)],
    ['65 levels inside a string-free valid body', `{"searchCriteria":${nestedArrays(64)}}`],
  ])('answers 400 request.body_too_deep for %s, without credentials', async (_what, body) => {
    await expectRefusal(h, () => h.post('/api/session', { body }), 400, 'request.body_too_deep', TOO_DEEP)
  })

  it('answers 400 request.body_too_deep on an authenticated route too', async () => {
    await expectRefusal(
      h,
      () => h.post('/api/apikeys/search', { secret: h.keys.fullAccess.secret, body: nestedObjects(10_000) }),
      400,
      'request.body_too_deep',
      TOO_DEEP,
    )
  })

  it('counts brackets inside strings as text, not nesting', async () => {
    const res = await h.post('/api/apikeys/search', {
      secret: h.keys.fullAccess.secret,
      body: { searchCriteria: [{ fieldName: 'description', stringValue: '['.repeat(900) }] },
    })
    expect(res.status, res.text).toBe(200)
  })

  it('lets 64 levels through to validation, which names the field', async () => {
    const res = await h.post('/api/apikeys/search', { secret: h.keys.fullAccess.secret, body: `{"searchCriteria":${nestedArrays(63)}}` })
    expect(res.body.code, res.text).toBe('request.field_type')
  })
})
