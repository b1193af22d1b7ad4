import { describe, expect, it } from 'vitest'
import { KeywardError } from '../../src/errors/keyward-error.js'

describe('KeywardError stack traces', () => {
  it('captures one by default, and none for a refusal made without (a flood of bad secrets makes one per request)', () => {
    expect(new KeywardError('auth.secret_invalid').stack).toContain('    at ')
    const refusal = new KeywardError('auth.secret_invalid', {}, { stack: false })
    expect(refusal.stack).not.toContain('    at ')
    expect(refusal).toMatchObject({ code: 'auth.secret_invalid', status: 401 })
    expect(new Error('after').stack).toContain('    at ')
  })
})
