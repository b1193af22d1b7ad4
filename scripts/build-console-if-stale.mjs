#!/usr/bin/env node
// Builds the console (console/dist) when it is missing or older than its sources, so that
// `npm start` on a fresh clone serves it without a separate build step. A fresh build is
// left alone: starting stays fast.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const consoleDir = join(root, 'console')
const built = join(consoleDir, 'dist', 'index.html')

/** The newest modification time among the console's sources (not its build). */
function newestSource(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

const sources = Math.max(newestSource(consoleDir), statSync(join(root, 'package-lock.json')).mtimeMs)
if (existsSync(built) && statSync(built).mtimeMs >= sources) process.exit(0)

process.stdout.write('Building the console (console/dist)…\n')
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js')
const result = spawnSync(process.execPath, [vite, 'build', '--config', join(consoleDir, 'vite.config.ts'), '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
})
process.exit(result.status ?? 1)
