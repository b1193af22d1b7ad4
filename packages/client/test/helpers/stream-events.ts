import { Keyward, type KeyChangeStream, type KeyChangeStreamEvent, type KeywardOptions } from '../../src/index.js'

/** The next event of a stream that satisfies a test: waits on the stream, never on the clock. */
export function nextEvent(stream: KeyChangeStream, test: (event: KeyChangeStreamEvent) => boolean): Promise<KeyChangeStreamEvent> {
  return new Promise((resolve) => {
    const stop = stream.subscribe((event) => {
      if (!test(event)) return
      stop()
      resolve(event)
    })
  })
}

/** The next change about a key (its own, or its role's when `roleID` is given). */
export function changeOf(stream: KeyChangeStream, target: { keyID?: number; roleID?: number }): Promise<KeyChangeStreamEvent> {
  return nextEvent(
    stream,
    (event) => event.type === 'change' && (event.change.keyID === target.keyID || (target.roleID !== undefined && event.change.roleID === target.roleID)),
  )
}

/** A client of a Keyward whose stream of key changes is connected (its cache starts empty then). */
export async function connectedClient(options: KeywardOptions): Promise<Keyward> {
  const keyward = new Keyward({ stream: { reconnectDelayMs: 10 }, ...options })
  const connected = nextEvent(keyward.changes!, (event) => event.type === 'connected')
  // The first verification opens the stream.
  await keyward.verify(options.secretKey).catch(() => {})
  await connected
  return keyward
}
