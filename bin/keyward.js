#!/usr/bin/env node
// The `keyward` command. An installed package runs the compiled server (dist/); a checkout runs
// its TypeScript sources through tsx, so what runs is always what the sources say.
import { existsSync } from 'node:fs'

const fromSource = existsSync(new URL('../src/main.ts', import.meta.url))

/** The package a failed import lacked: `npm install` has not run (a missing file is another error). */
function missingPackage(error) {
  return error?.code === 'ERR_MODULE_NOT_FOUND' ? /Cannot find package '([^']+)'/.exec(String(error.message))?.[1] : undefined
}

try {
  if (fromSource) {
    const { register } = await import('tsx/esm/api')
    register()
    await import('../src/main.ts')
  } else {
    await import('../dist/main.js')
  }
} catch (error) {
  const missing = missingPackage(error)
  if (missing === undefined) throw error
  process.stderr.write(
    `keyward: ${missing} is not installed. Run \`npm install\` in ${new URL('..', import.meta.url).pathname} first` +
      `${fromSource ? ', then `npm start`' : ''}.\n`,
  )
  process.exit(1)
}
