import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { neutralizeFormula, restoreNeutralized, safeCell } from './cells.ts'

describe('formula neutralization', () => {
  it('prefixes texts a spreadsheet would take for a formula, also after leading spaces', () => {
    expect(neutralizeFormula('=HYPERLINK("http://evil.example","click")')).toBe(
      `'=HYPERLINK("http://evil.example","click")`,
    )
    expect(neutralizeFormula('+7 916 123-45-67')).toBe("'+7 916 123-45-67")
    expect(neutralizeFormula('-5')).toBe("'-5")
    expect(neutralizeFormula('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(neutralizeFormula('\tcmd')).toBe("'\tcmd")
    expect(neutralizeFormula('\rcmd')).toBe("'\rcmd")
    expect(neutralizeFormula('   =1+1')).toBe("'   =1+1")
    expect(neutralizeFormula("'=1+1")).toBe("''=1+1")
  })

  it('leaves ordinary texts alone', () => {
    for (const text of ['ООО «Ромашка»', 'a=b', 'info@example.ru', '7 916 123', "O'Brien", '', ' 5'])
      expect(neutralizeFormula(text)).toBe(text)
  })

  it('keeps numbers numbers, negative ones included', () => {
    expect(safeCell(-5)).toBe(-5)
    expect(safeCell(1234.5)).toBe(1234.5)
    expect(safeCell(null)).toBeNull()
    expect(safeCell('-5')).toBe("'-5")
  })

  it('is undone exactly by restoreNeutralized, for any text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(restoreNeutralized(neutralizeFormula(text))).toBe(text)
      }),
    )
    fc.assert(
      fc.property(fc.constantFrom('=', '+', '-', '@', '\t', '\r', ' =', "'=", "''+"), fc.string(), (a, b) => {
        expect(neutralizeFormula(a + b).startsWith("'")).toBe(true)
      }),
    )
  })
})
