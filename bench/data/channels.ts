// Phones, e-mails and contact persons of the generated clients, stored exactly as the product stores
// them (clients.validation.ts normalizeChannels → clients.repository.ts replaceChannels): a phone's value
// is libphonenumber's international format, `normalized` its E.164 and `digits` the E.164 digits; an
// e-mail is lower-cased in both value and normalized. Drawn from their own seeded stream, so adding them
// left the clients and memberships of a seed as they were.

import { personName } from '../../server/src/modules/clients/clients.validation.ts'
import {
  normalizeEmail,
  normalizePhone,
  phoneDigits,
} from '../../server/src/modules/clients/contacts-normalize.ts'
import { searchText } from '../../server/src/platform/db/text.ts'
import type { Batch, Value } from './generate.ts'
import type { Rng } from './random.ts'
import {
  ADJECTIVES,
  FANCY,
  FEMALE_NAMES,
  femaleSurname,
  LEGAL_FORMS,
  MALE_NAMES,
  NOUNS_BY_SECTOR,
  PATRONYMICS,
  SURNAMES,
} from './words.ts'

export const CONTACT_COLUMNS = [
  ['id', 'int4'],
  ['last_name', 'text'],
  ['first_name', 'text'],
  ['middle_name', 'text'],
  ['name', 'text'],
  ['search', 'text'],
  ['created_by', 'int4'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const

export const LINK_COLUMNS = [
  ['id', 'int4'],
  ['contact_id', 'int4'],
  ['client_id', 'int4'],
  ['position', 'text'],
  ['is_primary', 'int4'],
  ['created_at', 'timestamptz'],
] as const

export const CHANNEL_COLUMNS = [
  ['id', 'int4'],
  ['client_id', 'int4'],
  ['contact_id', 'int4'],
  ['type', 'text'],
  ['value', 'text'],
  ['normalized', 'text'],
  ['digits', 'text'],
  ['is_primary', 'int4'],
  ['position', 'int4'],
] as const

/** Phones per client: organizations 1.5 on average, persons 1.2 (≈ 1.3 over the 40/60 mix). */
const ORG_PHONES = [0.05, 0.5, 0.35, 0.1]
const PERSON_PHONES = [0.1, 0.65, 0.2, 0.05]
/** Shares with an e-mail (organizations: one in seven of them with a second). */
const ORG_EMAIL = 0.85
const ORG_SECOND_EMAIL = 0.15
const PERSON_EMAIL = 0.35
/** Contact persons per organization: 0–3, 0.53 on average; a few also work for a second organization. */
const CONTACTS_PER_ORG = [0.6, 0.3, 0.07, 0.03]
const SECOND_ORGANIZATION = 0.03
/** People with a surname off the common list: a long tail (≈ 3,000 surnames), a few dozen each. */
const TAIL_SURNAME = 0.1

/** Mobile (DEF) codes in use. */
const MOBILE = (
  '900 901 902 903 904 905 906 908 909 910 911 912 913 914 915 916 917 918 919 920 921 922 923 924 925 ' +
  '926 927 928 929 930 931 932 933 934 936 937 938 939 950 951 952 953 958 960 961 962 963 964 965 966 ' +
  '967 968 969 977 978 980 981 982 983 984 985 986 987 988 989 991 992 993 994 995 996 997 999'
).split(' ')

/** The city's telephone code by the region code the generator gives addresses and ИНН. */
const AREA_CODES: Record<string, string[]> = {
  '77': ['495', '499'],
  '50': ['498', '495', '496'],
  '36': ['473'],
  '31': ['4722'],
  '71': ['4872'],
  '76': ['4852'],
  '40': ['4842'],
  '69': ['4822'],
  '33': ['4922'],
  '62': ['4912'],
  '78': ['812'],
  '47': ['81371'],
  '39': ['4012'],
  '29': ['8182'],
  '51': ['8152'],
  '35': ['8172'],
  '10': ['8142'],
  '23': ['861'],
  '61': ['863'],
  '34': ['8442'],
  '30': ['8512'],
  '91': ['3652'],
  '26': ['8652'],
  '05': ['8722'],
  '20': ['8712'],
  '07': ['8662'],
  '16': ['843'],
  '52': ['831'],
  '63': ['846'],
  '02': ['347'],
  '59': ['342'],
  '64': ['8452'],
  '18': ['3412'],
  '56': ['3532'],
  '66': ['343'],
  '74': ['351'],
  '72': ['3452'],
  '86': ['3462'],
  '89': ['3494'],
  '54': ['383'],
  '24': ['391'],
  '38': ['3952'],
  '42': ['3842'],
  '55': ['3812'],
  '22': ['3852'],
  '70': ['3822'],
  '17': ['39422'],
  '25': ['423'],
  '27': ['4212'],
  '14': ['4112'],
  '65': ['4242'],
  '41': ['4152'],
  '87': ['42722'],
}

const FREE_MAIL = ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru', 'inbox.ru', 'list.ru', 'rambler.ru', 'ya.ru']
const FREE_MAIL_WEIGHTS = [30, 28, 15, 7, 6, 6, 5, 3]
const ORG_MAILBOXES = ['info', 'info', 'info', 'office', 'sales', 'zakaz', 'buh', 'mail', 'opt', 'snab']
const TLDS = ['ru', 'ru', 'ru', 'ru', 'ru', 'ru', 'ru', 'ru', 'com', 'net', 'su', 'pro']

const POSITIONS = [
  'Генеральный директор',
  'Директор',
  'Коммерческий директор',
  'Заместитель директора',
  'Главный бухгалтер',
  'Бухгалтер',
  'Менеджер по закупкам',
  'Начальник отдела снабжения',
  'Офис-менеджер',
  'Юрист',
  'Инженер',
  'Секретарь',
]

/** Roots, joins and endings of the tail surnames (Гриб + ан + ов = Грибанов). */
const TAIL_ROOTS = (
  'Бах Бел Бур Вар Вих Гвоз Гриб Гур Дег Дроз Дуб Ерш Жар Жмых Жур Заб Зуб Ивол Кал Клим Кор Кос Крут ' +
  'Лап Лыс Мох Мур Нар Ов Ожог Ол Пест Пир Пряд Раз Рыж Сав Сол Сом Сух Тет Треп Туч Уш Фил Хмел Хол Цап ' +
  'Чиж Чур Шиш Шум Щег Щеп Юр Яс Ярц'
).split(' ')
const TAIL_JOINS = ['', 'ан', 'ен', 'ар', 'ур', 'ин', 'иц', 'ух', 'ал', 'ыш']
const TAIL_ENDINGS = ['ов', 'ин', 'ский', 'енко', 'ых', 'ев']

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ' ': '-',
  '-': '-',
}
const translitCache = new Map<string, string>()

/** Latin letters for a Russian word or name, as people spell their e-mail addresses and domains. */
export function translit(text: string): string {
  let out = translitCache.get(text)
  if (out === undefined) {
    out = ''
    for (const ch of text.toLowerCase()) out += TRANSLIT[ch] ?? (/[a-z0-9]/.test(ch) ? ch : '')
    out = out.replace(/-+/g, '-').replace(/^-|-$/g, '')
    translitCache.set(text, out)
  }
  return out
}

/** What the client generator tells about a client for its channels and contact persons. */
export interface ClientFacts {
  id: number
  org: boolean
  live: boolean
  teamId: number | null
  ownerId: number | null
  /** The organization's name without the legal form ("Северный Продторг"), or the person's surname. */
  core: string
  last: string
  first: string
  regionCode: string
  createdAt: string
}

/** Values of one client and of one contact person that the search benchmark looks up (see SearchSamples). */
export interface SearchSamples {
  /** The team whose head the benchmark signs in as (visibility: team). */
  team: number
  /** Live clients of that team. */
  teamClients: number
  organization?: {
    id: number
    inn: string
    ogrn: string
    /** Digits of its first phone (E.164 without +). */
    phone: string
    email: string
    /** The second-level domain of its e-mail ("severnyy-prodtorg-42"). */
    domain: string
  }
  /** A tail surname of a person-client of the team (male form, folded), and clients with it in any form. */
  rareWord?: { word: string; clients: number }
  /** A tail surname of a contact person of an organization of the team (folded). */
  contactSurname?: { word: string; contacts: number }
}

export interface ExtrasBatches {
  contacts: Batch
  contact_links: Batch
  contact_channels: Batch
}

let commonWords: string[] | undefined

/** Whether a word of the common lists (names, surnames, organization words) begins with `word`. */
function isCommonPrefix(word: string): boolean {
  commonWords ??= [
    ...SURNAMES.flatMap((s) => [s, femaleSurname(s)]),
    ...MALE_NAMES,
    ...FEMALE_NAMES,
    ...PATRONYMICS.flat(),
    ...ADJECTIVES,
    ...NOUNS_BY_SECTOR.flat(),
    ...FANCY,
    ...LEGAL_FORMS.map(([form, full]) => `${form} ${full}`),
  ].flatMap((w) => searchText(w).split(/[^\p{L}\p{N}]+/u))
  return commonWords.some((w) => w.startsWith(word))
}

/** Picks by weights that need not sum to 1 (small lists; a linear scan is fine). */
function pickWeighted<T>(rng: Rng, items: readonly T[], weights: readonly number[]): T {
  let total = 0
  for (const w of weights) total += w
  let x = rng.next() * total
  for (let i = 0; i < items.length; i++) {
    x -= weights[i]!
    if (x < 0) return items[i]!
  }
  return items[items.length - 1]!
}

function countFrom(rng: Rng, shares: readonly number[]): number {
  let x = rng.next()
  for (let i = 0; i < shares.length; i++) {
    x -= shares[i]!
    if (x < 0) return i
  }
  return shares.length - 1
}

export class ExtrasGenerator {
  private nextChannelId = 1
  private nextContactId = 1
  private nextLinkId = 1
  private checked = 0
  /** Recent organizations, for the contact persons who also work for a second one. */
  private readonly recentOrgs: number[] = []
  /** Clients (persons and sole proprietors) and contact persons by the male form of a tail surname. */
  private readonly tailClients = new Map<string, number>()
  private readonly tailContacts = new Map<string, number>()
  readonly counts = { contacts: 0, links: 0, phones: 0, emails: 0 }
  readonly samples: SearchSamples
  private readonly sampleFrom: number

  constructor(
    private readonly rng: Rng,
    total: number,
    sampleTeam: number,
  ) {
    this.samples = { team: sampleTeam, teamClients: 0 }
    // Samples come from the later part of the ids (not the first pages of any table).
    this.sampleFrom = Math.floor(total * 0.6)
  }

  /** A surname for a client or contact person: usually `common`; one in ten from the long tail. */
  surname(common: string): { last: string; tail: string | null } {
    if (!this.rng.chance(TAIL_SURNAME)) return { last: common, tail: null }
    const r = this.rng
    const tail = `${r.pick(TAIL_ROOTS)}${r.pick(TAIL_JOINS)}${r.pick(TAIL_ENDINGS)}`
    return { last: tail, tail }
  }

  /** Called by the client generator for every client whose surname came from the tail. */
  noteTailClient(tail: string, facts: { id: number; live: boolean; teamId: number | null }): void {
    this.tailClients.set(tail, (this.tailClients.get(tail) ?? 0) + 1)
    if (
      !this.samples.rareWord &&
      facts.live &&
      facts.teamId === this.samples.team &&
      facts.id >= this.sampleFrom &&
      !isCommonPrefix(searchText(tail))
    )
      this.samples.rareWord = { word: searchText(tail), clients: 0 }
  }

  /** The channels of a client and, for an organization, its contact persons with theirs. */
  client(f: ClientFacts, out: ExtrasBatches): void {
    const r = this.rng
    if (f.live && f.teamId === this.samples.team) this.samples.teamClients++
    let position = 0
    const phones: string[] = []
    const phoneCount = countFrom(r, f.org ? ORG_PHONES : PERSON_PHONES)
    for (let i = 0; i < phoneCount; i++) {
      const digits = this.phone(f.org ? 0.6 : 0.1, f.regionCode)
      phones.push(digits)
      this.channel(out.contact_channels, f.id, null, 'phone', digits, i === 0, position++)
    }
    let domain: string | null = null
    let site: string | null = null
    const emails: string[] = []
    if (f.org ? r.chance(ORG_EMAIL) : r.chance(PERSON_EMAIL)) {
      if (f.org && r.chance(0.8)) {
        domain = translit(f.core)
        if (r.chance(0.6)) domain += `${r.chance(0.5) ? '-' : ''}${r.int(1, 999)}`
        site = `${domain}.${r.pick(TLDS)}`
        emails.push(`${r.pick(ORG_MAILBOXES)}@${site}`)
        if (r.chance(ORG_SECOND_EMAIL)) emails.push(`${r.pick(ORG_MAILBOXES)}2@${site}`)
      } else {
        emails.push(this.personalEmail(f.org ? f.core : f.last, f.first))
      }
      for (const [i, e] of emails.entries())
        this.channel(out.contact_channels, f.id, null, 'email', e, i === 0, position++)
    }
    if (
      f.org &&
      !this.samples.organization &&
      f.live &&
      f.teamId === this.samples.team &&
      f.id >= this.sampleFrom &&
      phones.length &&
      domain
    ) {
      this.samples.organization = {
        id: f.id,
        inn: '',
        ogrn: '',
        phone: phones[0]!,
        email: emails[0]!,
        domain,
      }
    }
    if (!f.org) return
    const contacts = countFrom(r, CONTACTS_PER_ORG)
    for (let i = 0; i < contacts; i++) this.contact(f, site, i === 0, out)
    this.recentOrgs.push(f.id)
    if (this.recentOrgs.length > 1000) this.recentOrgs.shift()
  }

  /** The ИНН and ОГРН of the sampled organization (known to the client generator). */
  setSampleRequisites(id: number, inn: string | null, ogrn: string | null): void {
    const o = this.samples.organization
    if (o && o.id === id && !o.inn) {
      o.inn = inn ?? ''
      o.ogrn = ogrn ?? ''
    }
  }

  /** Fills in how many clients and contacts carry the sampled surnames. */
  finish(): SearchSamples {
    const rare = this.samples.rareWord
    if (rare) rare.clients = this.countWord(this.tailClients, rare.word)
    const contact = this.samples.contactSurname
    if (contact) contact.contacts = this.countWord(this.tailContacts, contact.word)
    return this.samples
  }

  /** Records whose tail surname begins with the folded `word` (the search is by word beginning). */
  private countWord(map: Map<string, number>, word: string): number {
    let n = 0
    for (const [tail, count] of map) if (searchText(tail).startsWith(word)) n += count
    return n
  }

  private contact(f: ClientFacts, site: string | null, primary: boolean, out: ExtrasBatches): void {
    const r = this.rng
    const id = this.nextContactId++
    const common = r.pick(SURNAMES)
    const { last: male, tail } = this.surname(common)
    const [pm, pf] = r.pick(PATRONYMICS)
    const female = r.chance(0.5)
    const last = female ? femaleSurname(male) : male
    const first = female ? r.pick(FEMALE_NAMES) : r.pick(MALE_NAMES)
    const middle = r.chance(0.9) ? (female ? pf : pm) : ''
    const name = personName(last, first, middle)
    const c = out.contacts
    const row: Value[] = [
      id,
      last,
      first,
      middle,
      name,
      searchText(name),
      f.ownerId,
      f.createdAt,
      f.createdAt,
    ]
    for (let i = 0; i < row.length; i++) c.columns[i]!.push(row[i]!)
    c.rows++
    this.counts.contacts++
    if (tail) {
      this.tailContacts.set(tail, (this.tailContacts.get(tail) ?? 0) + 1)
      if (
        !this.samples.contactSurname &&
        f.live &&
        f.teamId === this.samples.team &&
        f.id >= this.sampleFrom &&
        !isCommonPrefix(searchText(tail))
      )
        this.samples.contactSurname = { word: searchText(tail), contacts: 0 }
    }
    const job = r.pick(POSITIONS)
    this.link(out.contact_links, id, f.id, job, primary, f.createdAt)
    if (this.recentOrgs.length && r.chance(SECOND_ORGANIZATION))
      this.link(out.contact_links, id, r.pick(this.recentOrgs), r.pick(POSITIONS), false, f.createdAt)
    let position = 0
    if (r.chance(0.85))
      this.channel(out.contact_channels, null, id, 'phone', this.phone(0.1, f.regionCode), true, position++)
    if (r.chance(0.1))
      this.channel(out.contact_channels, null, id, 'phone', this.phone(1, f.regionCode), false, position++)
    if (r.chance(0.6)) {
      const email =
        site && r.chance(0.8)
          ? `${translit(first)[0]}.${translit(male)}@${site}`
          : this.personalEmail(male, first)
      this.channel(out.contact_channels, null, id, 'email', email, true, position++)
    }
  }

  private link(
    b: Batch,
    contactId: number,
    clientId: number,
    job: string,
    primary: boolean,
    at: string,
  ): void {
    const row: Value[] = [this.nextLinkId++, contactId, clientId, job, primary ? 1 : 0, at]
    for (let i = 0; i < row.length; i++) b.columns[i]!.push(row[i]!)
    b.rows++
    this.counts.links++
  }

  private personalEmail(last: string, first: string): string {
    const r = this.rng
    const box = r.chance(0.5)
      ? `${translit(first)}.${translit(last)}`
      : `${translit(last)}${r.chance(0.5) ? r.int(1960, 2005) : r.int(1, 99)}`
    return `${box}@${pickWeighted(r, FREE_MAIL, FREE_MAIL_WEIGHTS)}`
  }

  /** E.164 digits of a Russian number: a city number in the client's region (share `landline`) or a mobile. */
  private phone(landline: number, regionCode: string): string {
    const r = this.rng
    const code = r.chance(landline) ? r.pick(AREA_CODES[regionCode] ?? AREA_CODES['77']!) : r.pick(MOBILE)
    let digits = `7${code}${r.int(2, 7)}`
    while (digits.length < 11) digits += Math.floor(r.next() * 10)
    return digits
  }

  /**
   * A channel row as replaceChannels writes it. Phones are formatted here (libphonenumber formats every
   * Russian number as +7 ddd ddd dd dd); the product's normalizePhone checks the first ones and every
   * 997th after them, so a change in its format stops the generator.
   */
  private channel(
    b: Batch,
    clientId: number | null,
    contactId: number | null,
    type: 'phone' | 'email',
    text: string,
    primary: boolean,
    position: number,
  ): void {
    let value: string
    let normalized: string
    let digits: string
    if (type === 'phone') {
      value = `+7 ${text.slice(1, 4)} ${text.slice(4, 7)} ${text.slice(7, 9)} ${text.slice(9)}`
      normalized = `+${text}`
      digits = text
      if (this.checked++ < 2000 || this.checked % 997 === 0) {
        const p = normalizePhone(value)
        if (!p.ok || p.international !== value || p.e164 !== normalized || phoneDigits(p.e164) !== digits)
          throw new Error(`phone ${value} is not stored so by the product: ${JSON.stringify(p)}`)
      }
      this.counts.phones++
    } else {
      value = text
      normalized = text
      digits = ''
      if (this.checked++ < 2000 || this.checked % 997 === 0) {
        const e = normalizeEmail(value)
        if (!e.ok || e.email !== value) throw new Error(`e-mail ${value} is not stored so by the product`)
      }
      this.counts.emails++
    }
    const row: Value[] = [
      this.nextChannelId++,
      clientId,
      contactId,
      type,
      value,
      normalized,
      digits,
      primary ? 1 : 0,
      position,
    ]
    for (let i = 0; i < row.length; i++) b.columns[i]!.push(row[i]!)
    b.rows++
  }
}
