import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type Check,
  checkBik,
  checkCorrespondentAccount,
  checkInn,
  checkKpp,
  checkOgrn,
  checkOgrnAny,
  checkOgrnip,
  checkSettlementAccount,
  makeCorrespondentAccount,
  makeInn,
  makeOgrn,
  makeOgrnip,
  makeSettlementAccount,
} from './requisites.ts'

const BIK = '044525225'
const checksum: Check = { ok: false, problem: { code: 'checksum' } }
const format: Check = { ok: false, problem: { code: 'format' } }
const digitsOnly: Check = { ok: false, problem: { code: 'digits_only' } }
const bikRequired: Check = { ok: false, problem: { code: 'bik_required' } }
const length = (...expected: number[]): Check => ({ ok: false, problem: { code: 'length', expected } })
const valid = (value: string): Check => ({ ok: true, value })

const digits = (count: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: count, maxLength: count }).map((d) => d.join(''))
const bik = digits(7).map((rest) => `04${rest}`)

/** A change of one digit to a different one: `shift` in 1..9 is added mod 10. */
const mutation = (size: number, minShift = 1, maxShift = 9) =>
  fc.record({ index: fc.nat({ max: size - 1 }), shift: fc.integer({ min: minShift, max: maxShift }) })

function mutate(value: string, { index, shift }: { index: number; shift: number }): string {
  const digit = (Number(value[index]) + shift) % 10
  return `${value.slice(0, index)}${digit}${value.slice(index + 1)}`
}

// Reference recomputations straight from RU-REFERENCE, written independently of the module.
function inn10Residue(inn: string): number {
  const w = [2, 4, 10, 3, 5, 9, 4, 6, 8]
  return w.reduce((sum, weight, i) => sum + weight * Number(inn[i]), 0) % 11
}
const ogrnResidue = (ogrn: string) => Number(BigInt(ogrn.slice(0, 12)) % 11n)
const ogrnipResidue = (ogrnip: string) => Number(BigInt(ogrnip.slice(0, 14)) % 13n)
/** Two different residues that give the same control digit after the final mod 10. */
const collide = (a: number, b: number) => a !== b && a % 10 === b % 10

describe('RU-REFERENCE examples', () => {
  it.each(['7707083893', '1234567894'])('accepts the organization ИНН %s', (inn) => {
    expect(checkInn(inn, 'organization')).toEqual(valid(inn))
    expect(checkInn(inn, 'any')).toEqual(valid(inn))
  })
  it('rejects the organization ИНН 7707083894', () => {
    expect(checkInn('7707083894', 'organization')).toEqual(checksum)
  })

  it.each(['500100732259', '123456789047'])('accepts the person ИНН %s', (inn) => {
    expect(checkInn(inn, 'person')).toEqual(valid(inn))
    expect(checkInn(inn, 'any')).toEqual(valid(inn))
  })
  it('rejects the person ИНН 500100732258', () => {
    expect(checkInn('500100732258', 'person')).toEqual(checksum)
  })

  it('accepts the КПП 773601001 and rejects 77360100', () => {
    expect(checkKpp('773601001')).toEqual(valid('773601001'))
    expect(checkKpp('77360100')).toEqual(length(9))
  })

  it.each(['1027700132195', '1037739010891', '1117746358608'])('accepts the ОГРН %s', (ogrn) => {
    expect(checkOgrn(ogrn)).toEqual(valid(ogrn))
    expect(checkOgrnAny(ogrn)).toEqual(valid(ogrn))
  })
  it('rejects the ОГРН 1027700132194', () => {
    expect(checkOgrn('1027700132194')).toEqual(checksum)
    expect(checkOgrnAny('1027700132194')).toEqual(checksum)
  })

  it.each(['304500116000157', '385768585948949'])('accepts the ОГРНИП %s', (ogrnip) => {
    expect(checkOgrnip(ogrnip)).toEqual(valid(ogrnip))
    expect(checkOgrnAny(ogrnip)).toEqual(valid(ogrnip))
  })
  it('rejects the ОГРНИП 304500116000158', () => {
    expect(checkOgrnip('304500116000158')).toEqual(checksum)
    expect(checkOgrnAny('304500116000158')).toEqual(checksum)
  })

  it('accepts the БИК 044525225', () => {
    expect(checkBik('044525225')).toEqual(valid('044525225'))
  })

  it('checks the settlement account key against the БИК', () => {
    expect(checkSettlementAccount('40702810938000000001', BIK)).toEqual(valid('40702810938000000001'))
    expect(checkSettlementAccount('40702810138000000001', BIK)).toEqual(checksum)
  })

  it('checks the correspondent account key against the БИК', () => {
    expect(checkCorrespondentAccount('30101810400000000225', BIK)).toEqual(valid('30101810400000000225'))
    expect(checkCorrespondentAccount('30101810800000000746', '049805000')).toEqual(
      valid('30101810800000000746'),
    )
    expect(checkCorrespondentAccount('30101810400000000226', BIK)).toEqual(checksum)
  })
})

describe('normalization and problems', () => {
  it('removes spaces and non-breaking spaces and returns the clean value', () => {
    expect(checkInn(' 7707 083 893 ', 'organization')).toEqual(valid('7707083893'))
    expect(checkInn('5001\u00A00073\u00A02259', 'any')).toEqual(valid('500100732259'))
    expect(checkKpp('7736 01 001')).toEqual(valid('773601001'))
    expect(checkOgrn('1 02 77 00 13219 5')).toEqual(valid('1027700132195'))
    expect(checkOgrnip('304500116000157\u00A0')).toEqual(valid('304500116000157'))
    expect(checkBik('04 45 25 225')).toEqual(valid('044525225'))
    expect(checkSettlementAccount('40702 810 9 3800 0000001', '\u00A0044525225')).toEqual(
      valid('40702810938000000001'),
    )
    expect(checkCorrespondentAccount('30101 810 4 0000 0000225', BIK)).toEqual(valid('30101810400000000225'))
  })

  it('upper-cases the letters of a КПП and accepts letters only in positions 5–6', () => {
    expect(checkKpp('7736ab001')).toEqual(valid('7736AB001'))
    expect(checkKpp('77A601001')).toEqual(format)
    expect(checkKpp('7736010A1')).toEqual(format)
    expect(checkKpp('7736-0100')).toEqual(format)
    expect(checkKpp('7736 01 0010')).toEqual(length(9))
  })

  it('rejects letters and punctuation with digits_only', () => {
    expect(checkInn('77070838AB', 'organization')).toEqual(digitsOnly)
    expect(checkInn('7707-083-893', 'any')).toEqual(digitsOnly)
    expect(checkOgrn('1O27700132195')).toEqual(digitsOnly)
    expect(checkOgrnip('3045OO116000157')).toEqual(digitsOnly)
    expect(checkOgrnAny('ОГРН 1027700132195')).toEqual(digitsOnly)
    expect(checkBik('O44525225')).toEqual(digitsOnly)
    expect(checkSettlementAccount('40702.810.9.38000000001', BIK)).toEqual(digitsOnly)
    expect(checkCorrespondentAccount('З0101810400000000225', BIK)).toEqual(digitsOnly)
  })

  it('reports a wrong length with the lengths that would be right', () => {
    expect(checkInn('770708389', 'organization')).toEqual(length(10))
    expect(checkInn('500100732259', 'organization')).toEqual(length(10))
    expect(checkInn('7707083893', 'person')).toEqual(length(12))
    expect(checkInn('77070838931', 'any')).toEqual(length(10, 12))
    expect(checkInn('', 'any')).toEqual(length(10, 12))
    expect(checkOgrn('304500116000157')).toEqual(length(13))
    expect(checkOgrnip('1027700132195')).toEqual(length(15))
    expect(checkOgrnAny('10277001321950')).toEqual(length(13, 15))
    expect(checkBik('04452522')).toEqual(length(9))
    expect(checkSettlementAccount('4070281093800000001', BIK)).toEqual(length(20))
    expect(checkCorrespondentAccount('301018104000000002250', BIK)).toEqual(length(20))
  })

  it('requires a БИК of a Russian bank, starting with 04', () => {
    expect(checkBik('144525225')).toEqual(format)
  })

  it('asks for a valid БИК before checking an account key', () => {
    expect(checkSettlementAccount('40702810938000000001', '')).toEqual(bikRequired)
    expect(checkSettlementAccount('40702810938000000001', '144525225')).toEqual(bikRequired)
    expect(checkCorrespondentAccount('30101810400000000225', '04452522')).toEqual(bikRequired)
    expect(checkSettlementAccount('4070281093800000000A', '')).toEqual(digitsOnly)
  })

  it('requires a correspondent account to start with 301', () => {
    expect(checkCorrespondentAccount('40702810938000000001', BIK)).toEqual(format)
  })

  it('checks an account against the БИК it was given, not any БИК', () => {
    expect(checkSettlementAccount('40702810938000000001', '044525226')).toEqual(checksum)
    expect(checkCorrespondentAccount('30101810400000000225', '049805000')).toEqual(checksum)
  })
})

describe('generators', () => {
  it('reproduce the reference examples', () => {
    expect(makeInn('organization', '770708389')).toBe('7707083893')
    expect(makeInn('person', '5001007322')).toBe('500100732259')
    expect(makeOgrn('102770013219')).toBe('1027700132195')
    expect(makeOgrnip('30450011600015')).toBe('304500116000157')
    expect(makeSettlementAccount('4070281038000000001', BIK)).toBe('40702810938000000001')
    expect(makeCorrespondentAccount(`30101810${'00000000'}${BIK.slice(-3)}`, BIK)).toBe(
      '30101810400000000225',
    )
  })

  it('refuse input of the wrong shape', () => {
    expect(() => makeInn('organization', '7707083893')).toThrow(RangeError)
    expect(() => makeInn('person', '77070838')).toThrow(RangeError)
    expect(() => makeOgrn('10277001321x')).toThrow(RangeError)
    expect(() => makeOgrnip('3045001160001')).toThrow(RangeError)
    expect(() => makeSettlementAccount('4070281038000000001', '144525225')).toThrow(RangeError)
    expect(() => makeCorrespondentAccount('301018100000000022', BIK)).toThrow(RangeError)
  })

  it('always produce numbers that pass their checks', () => {
    fc.assert(
      fc.property(digits(9), digits(10), digits(12), digits(14), (b9, b10, b12, b14) => {
        const org = makeInn('organization', b9)
        const person = makeInn('person', b10)
        expect(org.startsWith(b9) && person.startsWith(b10)).toBe(true)
        expect(checkInn(org, 'organization')).toEqual(valid(org))
        expect(checkInn(org, 'any')).toEqual(valid(org))
        expect(checkInn(person, 'person')).toEqual(valid(person))
        expect(checkInn(person, 'any')).toEqual(valid(person))
        expect(checkOgrn(makeOgrn(b12))).toEqual(valid(makeOgrn(b12)))
        expect(checkOgrnAny(makeOgrn(b12))).toEqual(valid(makeOgrn(b12)))
        expect(checkOgrnip(makeOgrnip(b14))).toEqual(valid(makeOgrnip(b14)))
        expect(checkOgrnAny(makeOgrnip(b14))).toEqual(valid(makeOgrnip(b14)))
      }),
    )
  })

  it('produce accounts that pass with their БИК', () => {
    fc.assert(
      fc.property(digits(19), digits(16), bik, (body, corrBody, bank) => {
        const account = makeSettlementAccount(body, bank)
        const corr = makeCorrespondentAccount(`301${corrBody}`, bank)
        expect(account.slice(0, 8) + account.slice(9)).toBe(body)
        expect(checkSettlementAccount(account, bank)).toEqual(valid(account))
        expect(checkCorrespondentAccount(corr, bank)).toEqual(valid(corr))
      }),
    )
  })
})

/*
 * Which single-digit changes can a checksum miss? Changing one digit by δ (−9..9, not 0) moves the weighted
 * sum by w·δ. For the mod-11 schemes every weight and 10^k is invertible mod 11, so the residue always moves,
 * but residues 0 and 10 both give the control digit 0: a 0 ↔ 10 flip goes unnoticed. ОГРНИП (mod 13, then
 * mod 10) likewise misses the flips 0 ↔ 10, 1 ↔ 11 and 2 ↔ 12. The 12-digit ИНН would need both of its
 * sums to flip at once, which needs w11 ≡ ±w12 (mod 11) for the changed position; no position has that.
 * The account key is mod 10 with weights 7, 1, 3, all coprime to 10, so it sees every single change.
 */
describe('single changed digit', () => {
  it('shows that the schemes really do miss some changes', () => {
    expect(checkInn('7707083830', 'organization').ok).toBe(true)
    expect(checkInn('2707083830', 'organization').ok).toBe(true)
    expect(checkOgrn('1027700132130').ok).toBe(true)
    expect(checkOgrn('0027700132130').ok).toBe(true)
    expect(checkOgrnip('304500116000102').ok).toBe(true)
    expect(checkOgrnip('404500116000102').ok).toBe(true)
  })

  it('organization ИНН: caught whenever the control digit is not 0', () => {
    fc.assert(
      fc.property(digits(9), mutation(10), (body, change) => {
        const inn = makeInn('organization', body)
        fc.pre(!inn.endsWith('0'))
        expect(checkInn(mutate(inn, change), 'organization')).toEqual(checksum)
      }),
    )
  })

  it('organization ИНН: missed exactly when the residue mod 11 flips between 0 and 10', () => {
    fc.assert(
      fc.property(digits(9), mutation(10), (body, change) => {
        const inn = makeInn('organization', body)
        const changed = mutate(inn, change)
        const missed = change.index < 9 && collide(inn10Residue(inn), inn10Residue(changed))
        expect(checkInn(changed, 'organization').ok).toBe(missed)
      }),
      { numRuns: 2000 },
    )
  })

  it('person ИНН: always caught', () => {
    fc.assert(
      fc.property(digits(10), mutation(12), (body, change) => {
        expect(checkInn(mutate(makeInn('person', body), change), 'person')).toEqual(checksum)
      }),
      { numRuns: 2000 },
    )
  })

  it('ОГРН: caught whenever the control digit is not 0', () => {
    fc.assert(
      fc.property(digits(12), mutation(13), (prefix, change) => {
        const ogrn = makeOgrn(prefix)
        fc.pre(!ogrn.endsWith('0'))
        expect(checkOgrn(mutate(ogrn, change))).toEqual(checksum)
      }),
    )
  })

  it('ОГРН: a digit changed by 2 or more is always caught, since 10^k ≡ ±1 (mod 11)', () => {
    fc.assert(
      fc.property(digits(12), mutation(13, 2, 8), (prefix, change) => {
        expect(checkOgrn(mutate(makeOgrn(prefix), change))).toEqual(checksum)
      }),
    )
  })

  it('ОГРН: missed exactly when the residue mod 11 flips between 0 and 10', () => {
    fc.assert(
      fc.property(digits(12), mutation(13), (prefix, change) => {
        const ogrn = makeOgrn(prefix)
        const changed = mutate(ogrn, change)
        const missed = change.index < 12 && collide(ogrnResidue(ogrn), ogrnResidue(changed))
        expect(checkOgrn(changed).ok).toBe(missed)
        expect(checkOgrnAny(changed).ok).toBe(missed)
      }),
      { numRuns: 2000 },
    )
  })

  it('ОГРНИП: caught whenever the control digit is 3 or more', () => {
    fc.assert(
      fc.property(digits(14), mutation(15), (prefix, change) => {
        const ogrnip = makeOgrnip(prefix)
        fc.pre(Number(ogrnip[14]) >= 3)
        expect(checkOgrnip(mutate(ogrnip, change))).toEqual(checksum)
      }),
    )
  })

  it('ОГРНИП: missed exactly when the residue mod 13 moves by 10', () => {
    fc.assert(
      fc.property(digits(14), mutation(15), (prefix, change) => {
        const ogrnip = makeOgrnip(prefix)
        const changed = mutate(ogrnip, change)
        const missed = change.index < 14 && collide(ogrnipResidue(ogrnip), ogrnipResidue(changed))
        expect(checkOgrnip(changed).ok).toBe(missed)
        expect(checkOgrnAny(changed).ok).toBe(missed)
      }),
      { numRuns: 2000 },
    )
  })

  it('settlement account: always caught', () => {
    fc.assert(
      fc.property(digits(19), bik, mutation(20), (body, bank, change) => {
        const account = makeSettlementAccount(body, bank)
        expect(checkSettlementAccount(mutate(account, change), bank)).toEqual(checksum)
      }),
      { numRuns: 2000 },
    )
  })

  it('correspondent account: always caught, as a wrong 301 prefix or a wrong key', () => {
    fc.assert(
      fc.property(digits(16), bik, mutation(20), (body, bank, change) => {
        const account = makeCorrespondentAccount(`301${body}`, bank)
        const expected = change.index < 3 ? format : checksum
        expect(checkCorrespondentAccount(mutate(account, change), bank)).toEqual(expected)
      }),
      { numRuns: 2000 },
    )
  })
})
