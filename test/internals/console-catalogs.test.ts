/**
 * The console's catalogs: Japanese has every key English has (and no other), no message is
 * empty, placeholders match, and no text is written into the components outside the catalogs.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { enUS } from '../../console/src/i18n/locales/en-US.js'
import { jaJP } from '../../console/src/i18n/locales/ja-JP.js'
import { jaJP as serverJaJP } from '../../src/i18n/locales/ja-JP.js'

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [p, v] of leaves(value, path)) out.set(p, v)
  }
  return out
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

/** The console's components (`.tsx`), or with `/\.tsx?$/` all its code; never the catalogs themselves. */
function sources(dir: string, names = /\.tsx$/): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? (entry.name === 'locales' ? [] : sources(join(dir, entry.name), names)) : names.test(entry.name) ? [join(dir, entry.name)] : [],
  )
}

describe('console catalogs', () => {
  const english = leaves(enUS)
  const japanese = leaves(jaJP as Tree)

  it('Japanese has exactly the keys of English', () => {
    expect([...japanese.keys()].sort()).toEqual([...english.keys()].sort())
  })

  it('no message is empty and placeholders match', () => {
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe('')
      expect(japanese.get(key)?.trim(), key).not.toBe('')
      expect(placeholders(japanese.get(key) ?? ''), key).toEqual(placeholders(text))
    }
  })

  it('every key is used by the console', () => {
    const code = sources(join(process.cwd(), 'console', 'src'), /\.tsx?$/)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n')
    // Keys built from data (`languages.${locale}`, `audit.actions.${action}`, …) count through their group.
    const dynamicGroups = [
      'languages',
      'timeFormats',
      'status',
      'roles.groups',
      'roles.rightNames',
      'roles.builtInNames',
      'audit.fields',
      'audit.reasons',
      'audit.actorTypes',
      'audit.resourceTypes',
      'audit.actions',
      // A key setting's label and hint, from the table in KeySettingsFieldset.tsx.
      'apiKeys.settings',
    ]
    // Keys built from a section (`${text}.title` in the list pages, `${text}.deleteTitle` in the
    // delete question) count, in any section, through what follows the section.
    const sectionSuffixes = new Set([...code.matchAll(/`\$\{[\w.]+\}\.([\w.]+)`/g)].map((match) => match[1]))
    const unused = [...english.keys()].filter((key) => {
      if (dynamicGroups.some((group) => key.startsWith(`${group}.`))) return false
      if (sectionSuffixes.has(key.slice(key.indexOf('.') + 1))) return false
      return !code.includes(`'${key}'`) && !code.includes(`\`${key}\``)
    })
    expect(unused).toEqual([])
  })

  it("Japanese spells terms as the server's messages do: a space between Latin letters or digits and Japanese (API キー)", () => {
    const japaneseNextToLatin =
      /[A-Za-z0-9][\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]|[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}][A-Za-z0-9]/u
    const offenders = [...japanese, ...leaves(serverJaJP as Tree, 'server')]
      .filter(([, text]) => japaneseNextToLatin.test(text))
      .map(([key, text]) => `${key}: ${text}`)
    expect(offenders).toEqual([])
  })

  it('components hold no text of their own: every label comes from a catalog', () => {
    const offenders: string[] = []
    for (const file of sources(join(process.cwd(), 'console', 'src'))) {
      const text = readFileSync(file, 'utf8')
      // Text between JSX tags, and string literals given to props people read.
      for (const match of text.matchAll(/>\s*([A-Za-z][A-Za-z ,.'!?-]{2,})\s*</g)) {
        if (!/^(return|null|true|false)$/.test(match[1]!.trim())) offenders.push(`${file}: >${match[1]}<`)
      }
      for (const match of text.matchAll(/\b(label|title|placeholder|description|aria-label|alt|confirmLabel|body)="([^"]+)"/g))
        offenders.push(`${file}: ${match[1]}="${match[2]}"`)
    }
    expect(offenders).toEqual([])
  })
})
