import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalizeEmail, normalizePhone, normalizeWebsite, phoneDigits } from './contacts-normalize.ts'

const mobile = {
  ok: true,
  e164: '+79161234567',
  national: '8 (916) 123-45-67',
  international: '+7 916 123 45 67',
  type: 'MOBILE',
}

describe('normalizePhone', () => {
  it.each([
    '8 (916) 123-45-67',
    '+7 916 123 45 67',
    '89161234567',
    '9161234567',
    '79161234567',
    '+7(916)123-45-67',
    ' 8-916-123-45-67 ',
    '+7\u00A0916\u00A0123\u00A045\u00A067',
  ])('reads %j as a Russian mobile number', (input) => {
    expect(normalizePhone(input)).toEqual(mobile)
  })

  it.each([
    ['+7-495-123-45-67 доб. 123', '123'],
    ['8 (495) 123-45-67, доб 45', '45'],
    ['+7 495 123 45 67 добавочный 7', '7'],
    ['8 495 123-45-67 вн. 2201', '2201'],
    ['8 495 123-45-67 доп. 12', '12'],
    ['+7 495 123-45-67 ext. 123', '123'],
  ])('keeps the extension of %j apart from the number', (input, extension) => {
    expect(normalizePhone(input)).toEqual({
      ok: true,
      e164: '+74951234567',
      national: '8 (495) 123-45-67',
      international: '+7 495 123 45 67',
      type: 'FIXED_LINE',
      extension,
    })
  })

  it('reads foreign numbers by their country code, also after the Russian 8-10 exit code', () => {
    const london = {
      ok: true,
      e164: '+442079460958',
      national: '020 7946 0958',
      international: '+44 20 7946 0958',
      type: 'FIXED_LINE',
    }
    expect(normalizePhone('+44 20 7946 0958')).toEqual(london)
    expect(normalizePhone('8 10 44 20 7946 0958')).toEqual(london)
  })

  it('uses the default country for numbers without a country code', () => {
    expect(normalizePhone('020 7946 0958', 'GB')).toMatchObject({ ok: true, e164: '+442079460958' })
    expect(normalizePhone('+7 916 123 45 67', 'GB')).toMatchObject({ ok: true, e164: '+79161234567' })
  })

  it('recognizes a toll-free number', () => {
    expect(normalizePhone('8 800 555-35-35')).toMatchObject({
      ok: true,
      e164: '+78005553535',
      type: 'TOLL_FREE',
    })
  })

  it.each([
    ['', 'not_a_number'],
    ['   ', 'not_a_number'],
    ['нет телефона', 'not_a_number'],
    ['123', 'too_short'],
    ['+7 916 123', 'too_short'],
    ['8 916 123 45 678', 'invalid'],
    ['+7 123 456 78 90', 'invalid'],
    ['+999 1234567', 'invalid'],
  ])('rejects %j as %s', (input, problem) => {
    expect(normalizePhone(input)).toEqual({ ok: false, problem })
  })

  it('gives the same E.164 for the e164 it returned', () => {
    const formatted = fc
      .record({
        prefix: fc.constantFrom('8', '+7', '7', '', '+7 (', '8-'),
        code: fc.constantFrom('916', '903', '495', '812', '800', '383', '999'),
        rest: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }),
        separator: fc.constantFrom('', ' ', '-', '\u00A0'),
      })
      .map(({ prefix, code, rest, separator }) => {
        const [a, b, c, d, e, f, g] = rest
        return `${prefix}${code}${separator}${a}${b}${c}${separator}${d}${e}${separator}${f}${g}`
      })
    let accepted = 0
    fc.assert(
      fc.property(fc.oneof(formatted, fc.string()), (input) => {
        const first = normalizePhone(input)
        if (!first.ok) return
        accepted++
        const again = normalizePhone(first.e164)
        expect(again).toMatchObject({ ok: true, e164: first.e164 })
        expect(normalizePhone(first.international)).toMatchObject({ ok: true, e164: first.e164 })
        if (first.e164.startsWith('+7')) {
          expect(normalizePhone(first.national, 'RU')).toMatchObject({ ok: true, e164: first.e164 })
        }
      }),
      { numRuns: 500 },
    )
    expect(accepted).toBeGreaterThan(100)
  })
})

describe('phoneDigits', () => {
  it('keeps only the digits', () => {
    expect(phoneDigits('+79161234567')).toBe('79161234567')
    expect(phoneDigits('+7 916 123-45-67')).toBe('79161234567')
  })
})

describe('normalizeEmail', () => {
  it.each([
    ['Ivan.Petrov@Example.RU', 'ivan.petrov@example.ru'],
    ['  sales@romashka.ru\u00A0', 'sales@romashka.ru'],
    ['Иван@Почта.РФ', 'иван@почта.рф'],
    ['info@xn--80a1acny.xn--p1ai', 'info@xn--80a1acny.xn--p1ai'],
    ['first+crm@mail.co.uk', 'first+crm@mail.co.uk'],
    ['Андре\u0438\u0306@пример.рф', 'андрей@пример.рф'],
  ])('normalizes %j', (input, email) => {
    expect(normalizeEmail(input)).toEqual({ ok: true, email })
  })

  it.each([
    '',
    'ivan.petrov',
    'ivan@localhost',
    'ivan@@example.ru',
    'ivan@petrov@example.ru',
    'иван петров@example.ru',
    'ivan@example .ru',
    'ivan@example..ru',
    'ivan@.example.ru',
    'ivan@example.ru.',
    '@example.ru',
    'Иван <ivan@example.ru>',
    'ivan@example.ru, olga@example.ru',
    `${'a'.repeat(245)}@example.ru`,
  ])('rejects %j', (input) => {
    expect(normalizeEmail(input)).toEqual({ ok: false })
  })

  it('accepts exactly up to 254 characters', () => {
    const local = 'a'.repeat(254 - '@example.ru'.length)
    expect(normalizeEmail(`${local}@example.ru`)).toEqual({ ok: true, email: `${local}@example.ru` })
    expect(normalizeEmail(`${local}a@example.ru`)).toEqual({ ok: false })
  })
})

describe('normalizeWebsite', () => {
  it.each([
    ['example.ru', 'https://example.ru'],
    ['www.example.ru', 'https://www.example.ru'],
    ['  Romashka.RU/Contacts ', 'https://romashka.ru/Contacts'],
    ['https://пример.рф/path', 'https://пример.рф/path'],
    ['https://ПРИМЕР.РФ/', 'https://пример.рф'],
    ['пример.рф/о-компании?город=Москва#контакты', 'https://пример.рф/о-компании?город=Москва#контакты'],
    ['https://xn--e1afmkfd.xn--p1ai/', 'https://пример.рф'],
    ['http://example.ru', 'http://example.ru'],
    ['HTTPS://Example.ru:443/a', 'https://example.ru/a'],
    ['example.ru:8080/crm', 'https://example.ru:8080/crm'],
    ['//example.ru', 'https://example.ru'],
  ])('normalizes %j', (input, url) => {
    expect(normalizeWebsite(input)).toEqual({ ok: true, url })
  })

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    'javascript://example.ru/%0Aalert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.ru',
    'mailto:info@example.ru',
    'file:///etc/passwd',
  ])('rejects the non-web scheme of %j', (input) => {
    expect(normalizeWebsite(input)).toEqual({ ok: false, problem: 'unsupported_scheme' })
  })

  it.each([
    '',
    'example',
    'https://',
    'http:example.ru',
    'https://example..ru',
    'https://.ru',
    'пример рф',
    'https://user:password@example.ru',
    'https://example.ru@evil.ru',
    'https://example.ru\\path',
    'https://-example.ru',
    'https://example.ru/<script>',
    'https://example.ru/\u0000',
  ])('rejects %j as invalid', (input) => {
    expect(normalizeWebsite(input)).toEqual({ ok: false, problem: 'invalid' })
  })
})
