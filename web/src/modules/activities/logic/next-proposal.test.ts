import { describe, expect, it } from 'vitest'
import { proposeNextStart, proposeNextStartIso } from './next-proposal.ts'
import { isoFromWall, wallFromIso } from './wall-time.ts'

const MOSCOW = 'Europe/Moscow'
const fmt = 'YYYY-MM-DD HH:mm'

describe('proposeNextStart', () => {
  it('is the next working day at the same time of day', () => {
    // Completed on Tuesday 14 April 2026 an activity of that day at 11:00 Moscow (08:00 UTC).
    const now = new Date('2026-04-14T09:00:00Z')
    expect(proposeNextStart('2026-04-14T08:00:00Z', MOSCOW, now).format(fmt)).toBe('2026-04-15 11:00')
  })

  it('skips the weekend', () => {
    // Friday 17 April 2026 → Monday 20 April.
    const now = new Date('2026-04-17T12:00:00Z')
    expect(proposeNextStart('2026-04-17T07:30:00Z', MOSCOW, now).format(fmt)).toBe('2026-04-20 10:30')
  })

  it('counts from today for an overdue activity, and from its own day for one planned ahead', () => {
    const now = new Date('2026-04-14T09:00:00Z')
    // Planned a week ago: the proposal is not in the past.
    expect(proposeNextStart('2026-04-07T06:00:00Z', MOSCOW, now).format(fmt)).toBe('2026-04-15 09:00')
    // Planned for Thursday, completed early: the working day after it.
    expect(proposeNextStart('2026-04-16T06:00:00Z', MOSCOW, now).format(fmt)).toBe('2026-04-17 09:00')
  })

  it('works on the employee’s calendar day, not UTC’s', () => {
    // 23:30 Moscow on Monday 13 April is still Monday there (20:30 UTC); now is 00:30 Tuesday in Moscow.
    const now = new Date('2026-04-13T21:30:00Z')
    expect(proposeNextStart('2026-04-13T20:30:00Z', MOSCOW, now).format(fmt)).toBe('2026-04-15 23:30')
    expect(proposeNextStartIso('2026-04-13T20:30:00Z', MOSCOW, now)).toBe('2026-04-15T20:30:00.000Z')
  })
})

describe('wall time', () => {
  it('round-trips an instant through the employee’s wall clock', () => {
    for (const zone of [MOSCOW, 'America/New_York', 'Asia/Kolkata', 'UTC']) {
      const iso = '2026-11-01T14:45:00.000Z'
      expect(isoFromWall(wallFromIso(iso, zone), zone)).toBe(iso)
    }
  })

  it('shows the zone’s clock, whatever the browser zone', () => {
    expect(wallFromIso('2026-04-14T08:00:00Z', 'Asia/Vladivostok').format(fmt)).toBe('2026-04-14 18:00')
  })
})
