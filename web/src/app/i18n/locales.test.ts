import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
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
  it('has no user-facing text outside the catalogues (JSX text and text attributes come from t())', () => {
    const root = path.join(import.meta.dirname, '..', '..')
    const TEXT_ATTRIBUTES = new Set([
      'title',
      'placeholder',
      'aria-label',
      'alt',
      'label',
      'tooltip',
      'okText',
      'cancelText',
    ])
    const letters = /[A-Za-zА-Яа-яЁё]{2,}/
    const offenders: string[] = []
    const visit = (file: string, node: ts.Node, source: ts.SourceFile) => {
      if (ts.isJsxText(node) && letters.test(node.text)) {
        offenders.push(`${file}: text "${node.text.trim()}"`)
      }
      if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
        const name = node.name.getText(source)
        if (TEXT_ATTRIBUTES.has(name) && letters.test(node.initializer.text)) {
          offenders.push(`${file}: ${name}="${node.initializer.text}"`)
        }
      }
      ts.forEachChild(node, (child) => visit(file, child, source))
    }
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name)
        if (e.isDirectory()) walk(p)
        else if (p.endsWith('.tsx')) {
          const source = ts.createSourceFile(
            p,
            fs.readFileSync(p, 'utf8'),
            ts.ScriptTarget.Latest,
            true,
            ts.ScriptKind.TSX,
          )
          visit(path.relative(root, p), source, source)
        }
      }
    }
    walk(root)
    expect(offenders).toEqual([])
  })
})
