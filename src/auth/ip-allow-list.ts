/**
 * IP allow-lists of API keys: IPv4 and IPv6 addresses and CIDR ranges. An IPv4-mapped IPv6
 * address (`::ffff:192.0.2.1`, what a dual-stack socket reports for an IPv4 client) is the
 * IPv4 address it maps, on either side: in the list and as the client's address.
 *
 * @module
 */
import { isIPv4, isIPv6 } from 'node:net'

/** Most entries in one key's allow-list. */
export const IP_ALLOW_LIST_MAX_ITEMS = 100

interface Range {
  readonly bytes: Uint8Array
  readonly prefix: number
}

function ipv4Bytes(text: string): Uint8Array {
  return Uint8Array.from(text.split('.').map(Number))
}

function ipv6Bytes(text: string): Uint8Array {
  let address = text
  const tail: number[] = []
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address)
  if (dotted) {
    tail.push(...ipv4Bytes(dotted[1]!))
    address = `${address.slice(0, -dotted[1]!.length)}0:0`
  }
  const [head = '', rest] = address.split('::') as [string, string | undefined]
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)))
  const left = groups(head)
  const right = rest === undefined ? [] : groups(rest)
  const all = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right]
  const bytes = new Uint8Array(16)
  all.forEach((group, i) => {
    bytes[2 * i] = group >> 8
    bytes[2 * i + 1] = group & 0xff
  })
  if (tail.length) bytes.set(tail, 12)
  return bytes
}

/** An address as bytes: 4 for IPv4 (including IPv4-mapped IPv6), 16 for IPv6; undefined when it is neither. */
function addressBytes(text: string): Uint8Array | undefined {
  const address = text.replace(/%.*$/, '')
  if (isIPv4(address)) return ipv4Bytes(address)
  if (!isIPv6(address)) return undefined
  const bytes = ipv6Bytes(address.toLowerCase())
  const isMapped = bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff
  return isMapped ? bytes.slice(12) : bytes
}

function parseRange(entry: string): Range | undefined {
  const [address = '', prefixText, extra] = entry.trim().split('/')
  if (extra !== undefined || address.includes('%')) return undefined
  const bytes = addressBytes(address)
  if (!bytes) return undefined
  const isMappedInput = bytes.length === 4 && isIPv6(address)
  const bits = isMappedInput ? 128 : bytes.length * 8
  if (prefixText === undefined) return { bytes, prefix: bytes.length * 8 }
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return undefined
  const prefix = isMappedInput ? Number(prefixText) - 96 : Number(prefixText)
  // A mapped range wider than the IPv4 space (`::ffff:0:0/95`) is not an IPv4 range.
  if (prefix < 0) return undefined
  return { bytes, prefix }
}

/** Whether an allow-list entry is an IPv4/IPv6 address or CIDR range. */
export function isIpRange(entry: string): boolean {
  return entry.length <= 64 && parseRange(entry) !== undefined
}

function contains(range: Range, address: Uint8Array): boolean {
  if (range.bytes.length !== address.length) return false
  let bits = range.prefix
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff
    if ((range.bytes[i]! & mask) !== (address[i]! & mask)) return false
  }
  return true
}

const compiled = new WeakMap<readonly string[], readonly Range[]>()

/**
 * Whether a client address is in an allow-list; an empty list allows every address and a
 * missing address is allowed only by an empty list. Each list is parsed once (lists are
 * cached with their key).
 */
export function isAddressAllowed(list: readonly string[], address: string | undefined): boolean {
  if (list.length === 0) return true
  if (address === undefined) return false
  let ranges = compiled.get(list)
  if (!ranges) {
    ranges = list.map(parseRange).filter((range): range is Range => range !== undefined)
    compiled.set(list, ranges)
  }
  const bytes = addressBytes(address)
  return bytes !== undefined && ranges.some((range) => contains(range, bytes))
}
