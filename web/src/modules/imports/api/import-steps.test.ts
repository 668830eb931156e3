import { describe, expect, it } from 'vitest'
import { currentStep, isMappingRemembered, sampleValues } from './import-steps.ts'
import type { Import } from './imports-api.ts'

describe('import wizard steps', () => {
  it('follows the address bar until the import state decides', () => {
    expect(currentStep('uploaded', 'settings')).toBe('settings')
    expect(currentStep('uploaded', null)).toBe('mapping')
    expect(currentStep('uploaded', 'nonsense')).toBe('mapping')
    expect(currentStep('checked', 'run')).toBe('check')
    expect(currentStep('checking', 'mapping')).toBe('check')
    expect(currentStep('running', 'mapping')).toBe('run')
    expect(currentStep('rolled_back', 'upload')).toBe('run')
  })

  it('shows a column by its first different non-empty values', () => {
    const sample = [
      ['a', ''],
      ['b', ' x '],
      ['c', ''],
      ['d', 'y'],
      ['e', 'x'],
    ]
    expect(sampleValues(sample, 0)).toEqual(['a', 'b', 'c'])
    expect(sampleValues(sample, 1)).toEqual(['x', 'y'])
    expect(sampleValues(sample, 5)).toEqual([])
  })
})

describe('a remembered mapping', () => {
  const earlier = (id: number, status: Import['status'], headers: string[], mapping: (string | null)[]) => ({
    id,
    status,
    headers,
    mapping,
  })
  const item = { id: 9, headers: ['ИНН', 'Наименование'], mapping: ['inn', 'name'] }

  it('is recognized when the last import of the same headers (case and ё aside) used it', () => {
    expect(isMappingRemembered(item, [earlier(3, 'done', ['инн', 'наименование '], ['inn', 'name'])])).toBe(
      true,
    )
  })

  it('is not when the headers differ, the earlier one never got checked, or the mapping is another', () => {
    expect(isMappingRemembered(item, [earlier(3, 'done', ['ИНН'], ['inn'])])).toBe(false)
    expect(isMappingRemembered(item, [earlier(3, 'uploaded', item.headers, item.mapping)])).toBe(false)
    expect(isMappingRemembered(item, [earlier(3, 'done', item.headers, ['inn', null])])).toBe(false)
    expect(isMappingRemembered(item, [earlier(12, 'done', item.headers, item.mapping)])).toBe(false)
  })
})
