/**
 * Reading a new password for the CLI: from standard input when it is piped, else asked for
 * twice without echo, so it never appears in the command line.
 *
 * @module
 */
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

export async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPiped()
  const password = await promptHidden('New password: ')
  if ((await promptHidden('Repeat it: ')) !== password) throw new Error('the two passwords differ; nothing was changed')
  return password
}

/** A secret key: from standard input when it is piped, else asked for once without echo. */
export async function readSecretKey(): Promise<string> {
  return (process.stdin.isTTY ? await promptHidden('Secret key: ') : await readPiped()).trim()
}
