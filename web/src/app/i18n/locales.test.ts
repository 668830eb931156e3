import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
  }
  return out
}

const dir = path.join(import.meta.dirname, 'locales')
const load = (locale: string) =>
  flatten(JSON.parse(fs.readFileSync(path.join(dir, `${locale}.json`), 'utf8')) as Tree)

describe('the ru and en catalogues', () => {
  const ru = load('ru')
  const en = load('en')

  it('have exactly the same keys', () => {
    const onlyRu = [...ru.keys()].filter((k) => !en.has(k))
    const onlyEn = [...en.keys()].filter((k) => !ru.has(k))
    expect({ onlyRu, onlyEn }).toEqual({ onlyRu: [], onlyEn: [] })
  })

  it('have no empty texts, and the same {{placeholders}} in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort()
    for (const [key, text] of ru) {
      expect(text.trim(), `ru:${key}`).not.toBe('')
      expect(en.get(key)?.trim(), `en:${key}`).not.toBe('')
      expect(placeholders(text), key).toEqual(placeholders(en.get(key) ?? ''))
    }
  })

  it('really are in their languages', () => {
    const cyrillic = [...ru.values()].filter((t) => /[А-Яа-яЁё]/.test(t)).length
    expect(cyrillic / ru.size).toBeGreaterThan(0.8)
    expect([...en.values()].filter((t) => /[А-Яа-яЁё]/.test(t))).toEqual([])
  })
})

describe('the web source', () => {
  it('has no user-facing string outside the catalogues (JSX text must come from t())', () => {
    const root = path.join(import.meta.dirname, '..', '..')
    const offenders: string[] = []
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name)
        if (e.isDirectory()) walk(p)
        else if (p.endsWith('.tsx')) {
          const src = fs.readFileSync(p, 'utf8')
          // text between tags that contains letters, e.g. <span>Save</span>
          for (const m of src.matchAll(/>\s*([A-Za-zА-Яа-яЁё][^<>{}]*?)\s*</g)) {
            offenders.push(`${path.relative(root, p)}: "${m[1]}"`)
          }
        }
      }
    }
    walk(root)
    expect(offenders).toEqual([])
  })
})
