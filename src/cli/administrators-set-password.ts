/**
 * `keyward administrators set-password <username>`: the recovery for a lost password (a first
 * start's shown-once password included). The password is read from standard input when it is
 * piped, else asked for twice without echo; it never appears in the command line.
 *
 * @module
 */
import type { Command } from 'commander'
import { databaseOption, withContext, type DatabaseFlags } from './command-context.js'

async function readPiped(): Promise<string> {
  let text = ''
  for await (const chunk of process.stdin) text += String(chunk)
  return text.replace(/\r?\n$/, '')
}

/** Reads one line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin
  process.stderr.write(question)
  stdin.setRawMode(true)
  stdin.setEncoding('utf8')
  stdin.resume()
  return new Promise((resolve, reject) => {
    let value = ''
    const finish = () => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      process.stderr.write('\n')
    }
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish()
          return resolve(value)
        }
        if (char === '\u0003' || char === '\u0004') {
          finish()
          return reject(new Error('cancelled'))
        }
        value = char === '\u007f' || char === '\b' ? [...value].slice(0, -1).join('') : value + char
      }
    }
    stdin.on('data', onData)
  })
}

async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPiped()
  const password = await promptHidden('New password: ')
  if ((await promptHidden('Repeat it: ')) !== password) throw new Error('the two passwords differ; nothing was changed')
  return password
}

export function registerAdministratorsSetPassword(administrators: Command): void {
  databaseOption(
    administrators
      .command('set-password <username>')
      .description('set an administrator\'s password (asked for, or read from standard input) and end its sessions'),
  ).action(async (username: string, flags: DatabaseFlags) => {
    await withContext(flags, async (context) => {
      const admin = await context.stores.administrators.findByUsername(username)
      if (!admin) throw new Error(`no administrator "${username}"`)
      const password = await readNewPassword()
      await context.services.administrators.modify(await context.systemPrincipal(), admin.id, { password })
      console.log(`Set a new password for administrator "${username}".${admin.active ? '' : ' It is locked: "keyward administrators unlock" unlocks it.'}`)
    })
  })
}
