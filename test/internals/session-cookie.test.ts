import { describe, expect, it } from 'vitest'
import { sessionTokenOf } from '../../src/http/api-guard.js'

describe('session cookie', () => {
  it('is read from among other cookies, quoted or URI-encoded, and only by its exact name', () => {
    expect(sessionTokenOf(undefined)).toBeUndefined()
    expect(sessionTokenOf('')).toBeUndefined()
    expect(sessionTokenOf('keyward_session=abc-_1')).toBe('abc-_1')
    expect(sessionTokenOf('theme=dark; keyward_session=abc; other=1')).toBe('abc')
    expect(sessionTokenOf('theme=dark;keyward_session="abc"')).toBe('abc')
    expect(sessionTokenOf('keyward_session=a%3Db')).toBe('a=b')
    expect(sessionTokenOf('keyward_session=%E0%A4%A')).toBe('%E0%A4%A')
    expect(sessionTokenOf('xkeyward_session=abc; keyward_sessionx=def')).toBeUndefined()
    expect(sessionTokenOf('keyward_session')).toBeUndefined()
  })
})
