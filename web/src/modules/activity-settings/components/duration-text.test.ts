import { describe, expect, it } from 'vitest'
import { durationText, joinMinutes, splitMinutes } from './duration-text.ts'
import { feedUrls } from './feed-url.ts'

describe('lengths of time', () => {
  it('says days, hours and minutes that are not zero', () => {
    expect(durationText(30, 'ru')).toBe('30 мин')
    expect(durationText(90, 'ru')).toBe('1 ч 30 мин')
    expect(durationText(2 * 1440 + 120, 'ru')).toBe('2 дня 2 ч')
    expect(durationText(0, 'en')).toMatch(/^0 min/)
    expect(durationText(1440, 'en')).toBe('1 day')
  })

  it('splits minutes into hours and minutes and back', () => {
    expect(splitMinutes(125)).toEqual({ hours: 2, minutes: 5 })
    expect(joinMinutes(2, 5)).toBe(125)
    expect(joinMinutes(null, 30)).toBe(30)
  })
})

describe('the calendar feed address', () => {
  it('is the page’s origin plus the path, and the same with webcal:// for calendar apps', () => {
    expect(feedUrls('https://crm.example.com', '/api/calendar/ical_abc.ics')).toEqual({
      url: 'https://crm.example.com/api/calendar/ical_abc.ics',
      webcal: 'webcal://crm.example.com/api/calendar/ical_abc.ics',
    })
    expect(feedUrls('http://localhost:3000', '/api/calendar/x.ics').webcal).toBe(
      'webcal://localhost:3000/api/calendar/x.ics',
    )
  })
})
