import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCliInProcess } from '../helpers/cli.js'
import { Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: keyward apikeys create with rate limits and credits`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const cli = (...args: string[]) => runCliInProcess(['apikeys', 'create', '--role', '2', '--json', ...args, '--database-url', h.database.url])

  it('gives a key no limits unless told, and the limits and credits it is told', async () => {
    const plain = await cli('--name', 'plain')
    expect(plain.code, plain.stderr).toBe(0)
    expect(JSON.parse(plain.stdout)).not.toHaveProperty('rateLimits')

    const limited = await cli(
      '--name',
      'limited',
      '--rate-limit',
      'default=500/1m',
      '--rate-limit',
      'burst=10/1s',
      '--credits',
      '1000',
      '--refill',
      'monthly:15',
    )
    expect(limited.code, limited.stderr).toBe(0)
    expect(JSON.parse(limited.stdout)).toMatchObject({
      rateLimits: [
        { name: 'default', limit: 500, duration: 60_000 },
        { name: 'burst', limit: 10, duration: 1000 },
      ],
      credits: { remaining: 1000, refill: { interval: 'monthly', amount: 1000, day: 15 } },
    })
  })

  it.each([
    [['--rate-limit', '500/1m'], '--rate-limit'],
    [['--rate-limit', 'x=1/10ms'], '--rate-limit'],
    [['--credits', '-1'], '--credits'],
    [['--credits', '5', '--refill', 'weekly'], '--refill'],
    [['--refill', 'daily'], '--refill needs --credits'],
    [['--rate-limit', 'a=1/1m', '--rate-limit', 'a=2/1m'], "repeats the rate limit name 'a'"],
  ])('refuses %j, naming %s', async (args, says) => {
    const result = await cli('--name', `bad-${Math.random()}`, ...args)
    expect(result.code).not.toBe(0)
    expect(result.stderr).toContain(says)
  })
})
