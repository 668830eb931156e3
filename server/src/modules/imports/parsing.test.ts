import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeText, detectDelimiter, detectEncoding } from './decode.ts'
import { guessMapping, headerSignature } from './mapping.ts'
import { readTable } from './read-table.ts'
import { parseBoolean, parseDate, parseMoney, parseNumber } from './values.ts'

/** Windows-1251 bytes of a text (Cyrillic, ASCII, and the few signs a CSV needs). */
function cp1251(text: string): Uint8Array {
  const out: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else if (c >= 0x410 && c <= 0x44f) out.push(c - 0x410 + 0xc0)
    else if (ch === 'Ё') out.push(0xa8)
    else if (ch === 'ё') out.push(0xb8)
    else if (ch === '«') out.push(0xab)
    else if (ch === '»') out.push(0xbb)
    else if (ch === '№') out.push(0xb9)
    else throw new Error(`no cp1251 byte for ${ch}`)
  }
  return Uint8Array.from(out)
}

describe('reading files as Russian Excel writes them', () => {
  it('tells UTF-8 (with or without BOM) from Windows-1251', () => {
    const text = 'Наименование;ИНН\nООО «Ёлка»;7707083893\n'
    expect(detectEncoding(cp1251(text))).toBe('windows-1251')
    expect(decodeText(cp1251(text)).text).toBe(text)
    const utf8 = new TextEncoder().encode(text)
    expect(detectEncoding(utf8)).toBe('utf-8')
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8])
    expect(decodeText(bom)).toEqual({ text, encoding: 'utf-8' })
  })

  it('finds the separator, ignoring separators inside quotes', () => {
    expect(detectDelimiter('a;b;c\n1;2;3\n')).toBe(';')
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',')
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t')
    expect(detectDelimiter('Название;Сумма\n"ООО ""Ромашка"", филиал";1 234,56\n')).toBe(';')
  })

  it('reads a cp1251 CSV with `;`, quotes, doubled quotes and line breaks inside cells', async () => {
    const text =
      'Наименование;ИНН;Адрес;Комментарий\r\n' +
      'ООО «Ромашка»;7707083893;"г. Москва,\r\nул. Ленина, д. 1";"Сказал ""перезвонить"""\r\n' +
      '\r\n' +
      'ИП Ёжиков;500100732259;;\r\n'
    const table = await readTable(cp1251(text))
    expect(table.format).toEqual({ kind: 'csv', encoding: 'windows-1251', delimiter: ';' })
    expect(table.headers).toEqual(['Наименование', 'ИНН', 'Адрес', 'Комментарий'])
    expect(table.rows).toEqual([
      ['ООО «Ромашка»', '7707083893', 'г. Москва,\r\nул. Ленина, д. 1', 'Сказал "перезвонить"'],
      ['ИП Ёжиков', '500100732259', '', ''],
    ])
  })

  it('reads an XLSX sheet chosen by name, with numbers, dates and formulas', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Пусто')
    const ws = wb.addWorksheet('Клиенты')
    ws.addRow(['Название', 'Оборот', 'Дата', 'Итого'])
    ws.addRow(['ООО «Ромашка»', 1234.5, new Date(Date.UTC(2024, 11, 31)), { formula: 'B2*2', result: 2469 }])
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    const table = await readTable(bytes, { sheet: 'Клиенты' })
    expect(table.format).toEqual({ kind: 'xlsx', sheets: ['Пусто', 'Клиенты'], sheet: 'Клиенты' })
    expect(table.headers).toEqual(['Название', 'Оборот', 'Дата', 'Итого'])
    expect(table.rows[0]![0]).toBe('ООО «Ромашка»')
    expect(table.rows[0]![1]).toBe(1234.5)
    expect(parseDate(table.rows[0]![2])).toBe('2024-12-31')
    expect(table.rows[0]![3]).toBe(2469)
  })
})

describe('values as people type them', () => {
  it('reads dates in Russian and ISO forms, and refuses impossible ones', () => {
    expect(parseDate('31.12.2024')).toBe('2024-12-31')
    expect(parseDate('1.2.24')).toBe('2024-02-01')
    expect(parseDate('05/03/1987')).toBe('1987-03-05')
    expect(parseDate('2024-02-29')).toBe('2024-02-29')
    expect(parseDate('2024-12-31T10:00:00Z')).toBe('2024-12-31')
    expect(parseDate(45657)).toBe('2024-12-31')
    expect(parseDate('31.02.2024')).toBeNull()
    expect(parseDate('завтра')).toBeNull()
    expect(parseDate('  ')).toBeUndefined()
  })

  it('reads money with comma decimals and spaces into kopecks', () => {
    expect(parseMoney('1 234,56')).toBe(123456)
    expect(parseMoney('1\u00a0234,5 ₽')).toBe(123450)
    expect(parseMoney('1234.56')).toBe(123456)
    expect(parseMoney('1.234,56')).toBe(123456)
    expect(parseMoney('1,234.56')).toBe(123456)
    expect(parseMoney('-12,5')).toBe(-1250)
    expect(parseMoney('100 руб.')).toBe(10000)
    expect(parseMoney(99.99)).toBe(9999)
    expect(parseMoney('двести')).toBeNull()
    expect(parseMoney('')).toBeUndefined()
  })

  it('round-trips any amount written the Russian way', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (kopecks) => {
        const abs = Math.abs(kopecks)
        const rub = Math.floor(abs / 100)
          .toString()
          .replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')
        const text = `${kopecks < 0 ? '-' : ''}${rub},${String(abs % 100).padStart(2, '0')}`
        expect(parseMoney(text)).toBe(kopecks)
      }),
    )
  })

  it('reads numbers and yes/no', () => {
    expect(parseNumber('1 234,5')).toBe(1234.5)
    expect(parseNumber('-3')).toBe(-3)
    expect(parseNumber('abc')).toBeNull()
    expect(parseBoolean('Да')).toBe(true)
    expect(parseBoolean('no')).toBe(false)
    expect(parseBoolean('может быть')).toBeNull()
  })
})

describe('guessing the columns', () => {
  it('maps Russian and English headers, each field once, custom fields by label', () => {
    const headers = [
      'Наименование',
      'ИНН',
      'КПП',
      'Телефон (моб.)',
      'E-mail',
      'Ответственный',
      'Оборот, руб.',
      'Что-то ещё',
      'Название',
    ]
    expect(guessMapping(headers, [{ key: 'turnover', labelRu: 'Оборот руб', labelEn: 'Turnover' }])).toEqual([
      'name',
      'inn',
      'kpp',
      'phone',
      'email',
      'owner',
      'custom.turnover',
      null,
      null,
    ])
    expect(
      guessMapping(['Company Name', 'Phone', 'Email', 'Account Owner', 'First Name', 'Last Name']),
    ).toEqual(['name', 'phone', 'email', 'owner', 'firstName', 'lastName'])
    expect(headerSignature(['ИНН', 'Ёлка '])).toBe(headerSignature(['инн', 'ёлка']))
  })
})
