import { describe, expect, it } from 'vitest'
import { isFinished, operationPercent, resultCount } from './operation-progress.ts'

describe('operation progress', () => {
  it('is finished only when done or failed', () => {
    expect(isFinished('queued')).toBe(false)
    expect(isFinished('running')).toBe(false)
    expect(isFinished('done')).toBe(true)
    expect(isFinished('failed')).toBe(true)
  })

  it('shows the share handled, never 100 % before it is done, and 100 % once it is', () => {
    expect(operationPercent({ status: 'queued', total: 0, done: 0 })).toBe(0)
    expect(operationPercent({ status: 'running', total: 3, done: 1 })).toBe(33)
    expect(operationPercent({ status: 'running', total: 10, done: 10 })).toBe(99)
    expect(operationPercent({ status: 'running', total: 10, done: 12 })).toBe(99)
    expect(operationPercent({ status: 'done', total: 10, done: 7 })).toBe(100)
    expect(operationPercent({ status: 'failed', total: 10, done: 4 })).toBe(40)
  })

  it('reads a numeric counter of the result', () => {
    expect(resultCount({ result: { changed: 12 } }, 'changed')).toBe(12)
    expect(resultCount({ result: { changed: '12' } }, 'changed')).toBeUndefined()
    expect(resultCount({ result: null }, 'changed')).toBeUndefined()
  })
})
