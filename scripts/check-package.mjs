#!/usr/bin/env node
/**
 * Proves the package as a user gets it: packs Keyward, installs the tarball globally into a
 * scratch prefix without dev dependencies, runs `keyward serve` from an empty folder and checks
 * that it serves the console, the API and its health check. `.ci/run` runs it.
 *
 * Usage: `node scripts/check-package.mjs [--no-build]` (`--no-build` packs the dist/ and
 * console/dist/ already built, e.g. by `npm ci`).
 *
 * better-sqlite3 installs from this checkout's compiled module, offered as a local prebuild:
 * compiling SQLite again would take minutes and prove nothing about Keyward.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const work = mkdtempSync(join(tmpdir(), 'keyward-package-'))
const npm = (args, cwd) => execFileSync('npm', args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' })

function fail(message) {
  throw new Error(`package check: ${message}`)
}

let server
try {
  const started = Date.now()
  npm(['pack', '--silent', '--pack-destination', work, ...(process.argv.includes('--no-build') ? ['--ignore-scripts'] : [])], root)
  const tarball = readdirSync(work).find((name) => name.endsWith('.tgz')) ?? fail('npm pack made no tarball')
  const prefix = join(work, 'prefix')
  const sqlite = JSON.parse(readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'))
  const prebuilds = join(work, 'prebuilds')
  mkdirSync(prebuilds)
  execFileSync(
    'tar',
    [
      '-czf',
      join(prebuilds, `better-sqlite3-v${sqlite.version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`),
      'build/Release/better_sqlite3.node',
    ],
    {
      cwd: join(root, 'node_modules', 'better-sqlite3'),
    },
  )
  process.env.npm_config_better_sqlite3_local_prebuilds = prebuilds
  const install = spawnSync(
    'npm',
    ['install', '--global', '--prefix', prefix, '--omit=dev', '--no-audit', '--no-fund', '--allow-scripts=better-sqlite3', join(work, tarball)],
    { cwd: work, encoding: 'utf8' },
  )
  process.stderr.write(install.stderr)
  if (install.status !== 0) fail(`npm install of the tarball failed (${install.status})`)
  // package.json's overrides apply to this checkout only, never to a user's install: a package
  // that refuses the Node floor (cookie@2 wants 22) must be kept out by the dependencies themselves.
  if (install.stderr.includes('EBADENGINE')) fail('installing the tarball warned EBADENGINE (see above)')
  const installed = join(prefix, 'lib', 'node_modules', 'keyward')
  const packages = readdirSync(join(installed, 'node_modules'))
  for (const devOnly of ['vite', 'react', 'tsx', '@mantine', 'typescript', 'express', 'hono', '@hono', 'keyward-client']) {
    if (packages.includes(devOnly)) fail(`${devOnly} was installed with --omit=dev: it belongs in devDependencies`)
  }

  // The default database, ./data/keyward.db of the folder it runs in.
  const { KEYWARD_DATABASE_URL: _unused, ...serverEnv } = process.env
  const scratch = join(work, 'scratch')
  mkdirSync(scratch)
  server = spawn(join(prefix, 'bin', 'keyward'), ['serve', '--host', '127.0.0.1', '--port', '0'], {
    cwd: scratch,
    env: { ...serverEnv, KEYWARD_ADMIN_PASSWORD: 'Package-check-1', KEYWARD_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  server.stdout.on('data', (chunk) => (output += chunk))
  server.stderr.on('data', (chunk) => (output += chunk))
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`keyward serve did not listen within 60 s:\n${output}`)), 60_000)
    server.stdout.on('data', () => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    server.on('exit', (code) => reject(new Error(`keyward serve exited with ${code}:\n${output}`)))
  })

  const page = await fetch(`${url}/`, { headers: { accept: 'text/html' } })
  const html = await page.text()
  if (page.status !== 200 || !html.includes('<script type="module"')) fail(`GET / answered ${page.status}, not the console:\n${html.slice(0, 300)}`)
  const openapi = await fetch(`${url}/api/openapi.json`)
  if (openapi.status !== 200 || !(await openapi.json()).paths['/apikeys']) fail(`GET /api/openapi.json answered ${openapi.status}`)
  // Swagger UI comes from a runtime dependency: the installed package must serve it.
  const docs = await fetch(`${url}/api/docs/swagger-ui-bundle.js`)
  if (docs.status !== 200) fail(`GET /api/docs/swagger-ui-bundle.js answered ${docs.status}`)
  const ready = await fetch(`${url}/readyz`)
  if (ready.status !== 200) fail(`GET /readyz answered ${ready.status}`)
  const denied = await fetch(`${url}/api/apikeys`, { headers: { 'api-version': 'v1' } })
  if (denied.status !== 401) fail(`GET /api/apikeys without a secret answered ${denied.status}, not 401`)
  if (readdirSync(join(scratch, 'data')).length === 0) fail('no database in ./data of the folder keyward serve ran in')
  console.log(
    `package check: ${tarball} installed with ${packages.length} packages and served the console and API (${Math.round((Date.now() - started) / 1000)} s)`,
  )
} finally {
  server?.kill('SIGTERM')
  if (server && server.exitCode === null) await new Promise((resolve) => server.once('exit', resolve))
  rmSync(work, { recursive: true, force: true })
}
