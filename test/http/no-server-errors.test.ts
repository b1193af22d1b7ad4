import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

const BODIES: unknown[] = [
  undefined,
  {},
  [],
  'text',
  42,
  null,
  true,
  { keyName: 123, roleID: 'x' },
  { keyName: 'k', roleID: 2, expiryDate: 'tomorrow' },
  { keyName: 'k', roleID: 2, expiryDate: 8.64e15 + 1 },
  { keyName: 'k', roleID: 2, expiryDate: '275760-09-14' },
  { keyName: 'k', roleID: 2147483648 },
  { keyName: 'k', roleID: 99999 },
  { keyName: 'k'.repeat(300), roleID: 2 },
  { keyName: '🔑 ключ 鍵', roleID: 2, timeZone: 'Etc/GMT+5' },
  { timeZone: '../../etc/passwd' },
  { locale: 'xx-XX' },
  { active: 'yes' },
  { searchCriteria: [{}] },
  { searchCriteria: [{ fieldName: 'keyName', stringValue: "%'; drop table api_keys; --" }] },
  { searchCriteria: [{ fieldName: 'roleID', numericValue: 1e308 }] },
  { searchCriteria: [{ fieldName: 'created', firstDateValue: 9007199254740991 }] },
  { searchCriteria: [{ idValue: 9007199254740991, idTest: 'greater-than' }] },
  {
    searchCriteria: [
      { fieldName: 'locale', choiceValue: 'ja-JP' },
      { fieldName: 'expiryDate', nullTest: false },
    ],
  },
  { searchCriteria: 'all' },
  { maxItems: 1e12 },
  { a: { b: { c: { d: { e: {} } } } } },
]
const IDS = ['1', '0', '-1', 'abc', '1.5', '99999999999', '%2e%2e', '1e3', '']

describe(`${testEngine()}: no client input causes a server error`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('answers every documented operation with a 2xx or 4xx whatever the body and ID', async () => {
    const doc = (await h.get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> }
    const failures: string[] = []
    let requests = 0
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const method of Object.keys(operations)) {
        for (const id of path.includes('{') ? IDS : ['']) {
          for (const body of method === 'get' || method === 'delete' ? [undefined] : BODIES) {
            // A fresh key each time: some operations replace or delete the caller's own secret.
            const key = await h.key()
            // A stream answers until the client leaves, unless told not to follow.
            const url = `/api${path.replace(/\{[^}]+\}/, id)}${path === '/apikeys/changes' ? '?follow=false' : ''}`
            const res = await h.request(method.toUpperCase() as 'GET', url, { secret: key.secret, body })
            requests++
            const isBad = res.status >= 500 || (res.status >= 400 && typeof res.body?.message !== 'string')
            if (isBad) failures.push(`${method} ${url} ${JSON.stringify(body)} → ${res.status} ${res.text}`)
          }
        }
      }
    }
    expect(requests).toBeGreaterThan(200)
    expect(failures).toEqual([])
    expect(h.logs.filter((line) => line.includes('"level":50'))).toEqual([])
    // Hundreds of requests, each with a fresh key: it grows with every operation the API gains.
  }, 180_000)
})
