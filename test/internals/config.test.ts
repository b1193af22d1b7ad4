import { describe, expect, it } from 'vitest'
import { loadConfig, parseDuration } from '../../src/config.js'

describe('config', () => {
  it('has working defaults: SQLite under ./data on port 4119', () => {
    expect(loadConfig({})).toMatchObject({ port: 4119, databaseUrl: 'sqlite:./data/keyward.db', lockoutThreshold: 5, lockoutDurationMs: 1_800_000 })
  })

  it('reads settings from the environment, overridden by flags', () => {
    const config = loadConfig({ KEYWARD_PORT: '8080', KEYWARD_LOCKOUT_DURATION: '1h', KEYWARD_TRUST_PROXY: '10.0.0.5,10.1.0.0/16' }, { port: 9090 })
    expect(config).toMatchObject({ port: 9090, lockoutDurationMs: 3_600_000, trustProxy: '10.0.0.5,10.1.0.0/16' })
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('names the setting whose value is wrong', () => {
    expect(() => loadConfig({ KEYWARD_PORT: 'eighty' })).toThrow(/KEYWARD_PORT/)
    expect(() => loadConfig({ KEYWARD_LOCKOUT_THRESHOLD: '0' })).toThrow(/KEYWARD_LOCKOUT_THRESHOLD/)
    expect(() => parseDuration('KEYWARD_LOCKOUT_DURATION', 'soon')).toThrow(/KEYWARD_LOCKOUT_DURATION/)
    expect(() => loadConfig({ KEYWARD_HEADERS_TIMEOUT: '1m', KEYWARD_REQUEST_TIMEOUT: '30s' })).toThrow(/KEYWARD_HEADERS_TIMEOUT/)
  })

  it('reads durations', () => {
    expect(parseDuration('x', '250ms')).toBe(250)
    expect(parseDuration('x', '30s')).toBe(30_000)
    expect(parseDuration('x', '1.5h')).toBe(5_400_000)
    expect(parseDuration('x', '2d')).toBe(172_800_000)
    expect(parseDuration('x', '100')).toBe(100)
  })
})

describe('KEYWARD_DEFAULT_RATE_LIMIT', () => {
  it('defaults to 500 a minute, as the model product does per key, and reads <limit>/<duration> or none', () => {
    expect(loadConfig({}).defaultRateLimit).toEqual({ limit: 500, duration: 60_000 })
    expect(loadConfig({ KEYWARD_DEFAULT_RATE_LIMIT: '20/1s' }).defaultRateLimit).toEqual({ limit: 20, duration: 1000 })
    expect(loadConfig({ KEYWARD_DEFAULT_RATE_LIMIT: 'none' }).defaultRateLimit).toBeUndefined()
  })

  it.each(['500', '0/1m', '500/soon', '1/1/1', '1/500ms', '1000001/1m', '1/31d'])('refuses %s, naming the setting', (value) => {
    expect(() => loadConfig({ KEYWARD_DEFAULT_RATE_LIMIT: value })).toThrow(/KEYWARD_DEFAULT_RATE_LIMIT/)
  })
})
