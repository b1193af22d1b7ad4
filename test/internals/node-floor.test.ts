import { readFileSync } from 'node:fs'
import semver from 'semver'
import { describe, expect, it } from 'vitest'

interface LockedPackage {
  version?: string
  engines?: { node?: string }
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockedPackage> }
const floor = semver.minVersion(lock.packages['']!.engines!.node!)!

describe('the documented Node.js floor', () => {
  // Issue 13: cookie@2 (from @fastify/cookie and light-my-request) declares Node >= 22, so
  // `npm install` on the documented Node 20 warned EBADENGINE.
  it('satisfies every installed package', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path, pkg]) => path !== '' && pkg.engines?.node && !semver.satisfies(floor, pkg.engines.node))
      .map(([path, pkg]) => `${path}@${pkg.version} wants node ${pkg.engines!.node}`)
    expect(refusing).toEqual([])
  })

  it('is the one README gives', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(`Node.js ${floor.major}.${floor.minor} or later`)
  })
})
