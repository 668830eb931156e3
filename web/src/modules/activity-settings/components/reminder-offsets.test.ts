import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import en from '../../../app/i18n/locales/en.json'
import ru from '../../../app/i18n/locales/ru.json'
import {
  normalizeOffsets,
  OFFSET_PRESETS,
  offsetChoices,
  offsetLabel,
  offsetParts,
  offsetsText,
  toMinutes,
} from './reminder-offsets.ts'

const i18n = i18next.createInstance()
await i18n.init({
  resources: { ru: { translation: ru }, en: { translation: en } },
  lng: 'ru',
  interpolation: { escapeValue: false },
  initAsync: false,
})
const tRu = i18n.getFixedT('ru')
const tEn = i18n.getFixedT('en')

describe('offset labels', () => {
  it('names every preset in words, in both languages', () => {
    expect(OFFSET_PRESETS.map((m) => offsetLabel(m, tRu))).toEqual([
      'в назначенное время',
      'за 5 минут',
      'за 10 минут',
      'за 15 минут',
      'за 30 минут',
      'за 1 час',
      'за 2 часа',
      'за 1 день',
      'за 2 дня',
    ])
    expect(OFFSET_PRESETS.map((m) => offsetLabel(m, tEn))).toEqual([
      'at the time',
      '5 minutes before',
      '10 minutes before',
      '15 minutes before',
      '30 minutes before',
      '1 hour before',
      '2 hours before',
      '1 day before',
      '2 days before',
    ])
  })

  it('uses the Russian case and number that follow «за»', () => {
    expect(offsetLabel(1, tRu)).toBe('за 1 минуту')
    expect(offsetLabel(21, tRu)).toBe('за 21 минуту')
    expect(offsetLabel(22, tRu)).toBe('за 22 минуты')
    expect(offsetLabel(11, tRu)).toBe('за 11 минут')
    expect(offsetLabel(5 * 60, tRu)).toBe('за 5 часов')
    expect(offsetLabel(5 * 1440, tRu)).toBe('за 5 дней')
    expect(offsetLabel(1, tEn)).toBe('1 minute before')
  })

  it('measures an offset in the largest unit that fits exactly', () => {
    expect(offsetParts(90)).toEqual({ count: 90, unit: 'minutes' })
    expect(offsetParts(180)).toEqual({ count: 3, unit: 'hours' })
    expect(offsetParts(1500)).toEqual({ count: 25, unit: 'hours' })
    expect(offsetParts(4320)).toEqual({ count: 3, unit: 'days' })
    expect(offsetParts(0)).toEqual({ count: 0, unit: 'minutes' })
  })

  it('lists several offsets in order, or says there are none', () => {
    expect(offsetsText([1440, 60, 60], tRu)).toBe('за 1 час, за 1 день')
    expect(offsetsText([], tEn)).toBe('no reminders')
  })
})

describe('custom offsets', () => {
  it('turns a count of units into minutes within 1 minute … 30 days', () => {
    expect(toMinutes(45, 'minutes')).toBe(45)
    expect(toMinutes(3, 'hours')).toBe(180)
    expect(toMinutes(30, 'days')).toBe(43_200)
    expect(toMinutes(31, 'days')).toBeNull()
    expect(toMinutes(0, 'minutes')).toBeNull()
    expect(toMinutes(1.5, 'hours')).toBeNull()
    expect(toMinutes(null, 'minutes')).toBeNull()
  })

  it('keeps distinct valid offsets, in order, at most five', () => {
    expect(normalizeOffsets([60, 0, 60, 15])).toEqual([0, 15, 60])
    expect(normalizeOffsets([-1, 1.5, 50_000, 10])).toEqual([10])
    expect(normalizeOffsets([1, 2, 3, 4, 5, 6])).toEqual([1, 2, 3, 4, 5])
  })

  it('offers the presets plus the custom offsets already chosen', () => {
    expect(offsetChoices([45, 15])).toEqual([0, 5, 10, 15, 30, 45, 60, 120, 1440, 2880])
  })
})
