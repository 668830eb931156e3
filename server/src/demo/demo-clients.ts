import { clientCreateBody, clientUpdateBody } from '../modules/clients/clients.schemas.ts'
import { createClient, updateClient } from '../modules/clients/clients.service.ts'
import { contactCreateBody } from '../modules/clients/contacts.schemas.ts'
import { addContact } from '../modules/clients/contacts.service.ts'
import { normalizePhone } from '../modules/clients/contacts-normalize.ts'
import {
  makeCorrespondentAccount,
  makeInn,
  makeOgrn,
  makeOgrnip,
  makeSettlementAccount,
} from '../modules/clients/requisites.ts'
import { createNote } from '../modules/notes/index.ts'
import type { Db } from '../platform/db/database.ts'
import type { Locale } from '../platform/i18n/messages.ts'
import type { Actor } from '../platform/permissions/actor.ts'
import type { SubjectRegistry } from '../platform/subjects.ts'

/** A small deterministic generator, so every demo company looks the same. */
export function rng(seed: number) {
  let s = seed >>> 0
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    digits: (n: number) => Array.from({ length: n }, () => Math.floor(next() * 10)).join(''),
    chance: (p: number) => next() < p,
  }
}

const RU = {
  prefixes: [
    'Северный',
    'Волжский',
    'Уральский',
    'Сибирский',
    'Балтийский',
    'Донской',
    'Камский',
    'Невский',
    'Окский',
    'Таёжный',
    'Столичный',
    'Южный',
  ],
  nouns: [
    ['Хлебозавод', 'Пищевая промышленность'],
    ['Металлоторг', 'Оптовая торговля'],
    ['Стройресурс', 'Строительство'],
    ['Агрохолдинг', 'Сельское хозяйство'],
    ['Транслогистик', 'Логистика'],
    ['Фармсклад', 'Фармацевтика'],
    ['Текстиль', 'Лёгкая промышленность'],
    ['Мебельный двор', 'Производство мебели'],
    ['Продторг', 'Розничная торговля'],
    ['Молочный комбинат', 'Пищевая промышленность'],
    ['Автоцентр', 'Автомобили и запчасти'],
    ['Софт', 'Информационные технологии'],
    ['Стекольный завод', 'Производство'],
    ['Отель', 'Гостиницы и рестораны'],
  ] as const,
  cities: [
    ['Москва', '77', ['ул. Тверская', 'Ленинский пр-т', 'ул. Вавилова', 'ул. Профсоюзная']],
    ['Санкт-Петербург', '78', ['Невский пр-т', 'ул. Садовая', 'Московский пр-т']],
    ['Екатеринбург', '66', ['ул. Малышева', 'пр-т Ленина']],
    ['Новосибирск', '54', ['Красный пр-т', 'ул. Кирова']],
    ['Казань', '16', ['ул. Баумана', 'пр-т Победы']],
    ['Нижний Новгород', '52', ['ул. Большая Покровская', 'ул. Родионова']],
  ] as const,
  male: {
    last: [
      'Иванов',
      'Смирнов',
      'Кузнецов',
      'Попов',
      'Васильев',
      'Петров',
      'Соколов',
      'Михайлов',
      'Новиков',
      'Фёдоров',
      'Морозов',
      'Волков',
    ],
    first: ['Александр', 'Дмитрий', 'Максим', 'Сергей', 'Андрей', 'Алексей', 'Иван', 'Михаил'],
    middle: ['Александрович', 'Дмитриевич', 'Сергеевич', 'Андреевич', 'Игоревич', 'Викторович'],
  },
  female: {
    last: [
      'Иванова',
      'Смирнова',
      'Кузнецова',
      'Попова',
      'Васильева',
      'Петрова',
      'Соколова',
      'Михайлова',
      'Новикова',
      'Фёдорова',
      'Морозова',
      'Волкова',
    ],
    first: ['Елена', 'Ольга', 'Наталья', 'Анна', 'Мария', 'Татьяна', 'Ирина', 'Екатерина'],
    middle: ['Александровна', 'Дмитриевна', 'Сергеевна', 'Андреевна', 'Игоревна', 'Викторовна'],
  },
  sources: ['Сайт', 'Выставка «Продэкспо»', 'Рекомендация', 'Холодный звонок', 'Яндекс.Директ', 'Партнёр'],
  descriptions: [
    'Закупают ежеквартально, решение принимает коммерческий директор.',
    'Интересуются отсрочкой платежа.',
    'Просили прислать прайс-лист к концу месяца.',
    'Работают с конкурентом, недовольны сроками поставки.',
    '',
  ],
  domains: ['ru', 'рф', 'com'],
  banks: [
    ['044525225', 'ПАО Сбербанк'],
    ['044525593', 'АО «Альфа-Банк»'],
    ['044030653', 'Северо-Западный банк ПАО Сбербанк'],
    ['046577674', 'Уральский банк ПАО Сбербанк'],
  ] as const,
  edits: [
    { industry: '' },
    { source: 'Повторное обращение' },
    { description: 'Договорились о встрече на следующей неделе.' },
  ],
  positions: [
    'Генеральный директор',
    'Коммерческий директор',
    'Менеджер по закупкам',
    'Главный бухгалтер',
    'Начальник отдела снабжения',
  ],
  notes: [
    'Созвонились: интересуются поставкой к концу квартала, просят скидку за объём.',
    'Отправили коммерческое предложение, ответ обещали в течение недели.',
    'На встрече обсудили условия отсрочки платежа: готовы на 30 дней.',
    'Клиент сменил контактное лицо по закупкам — данные обновлены.',
    'Жалоба на сроки доставки прошлой партии, передали в логистику.',
  ],
}

const EN = {
  prefixes: [
    'Northbridge',
    'Riverside',
    'Oakfield',
    'Silverline',
    'Harbour',
    'Kingsway',
    'Summit',
    'Brightwater',
    'Redhill',
    'Westgate',
  ],
  nouns: [
    ['Foods', 'Food production'],
    ['Metals', 'Wholesale'],
    ['Construction', 'Construction'],
    ['Farms', 'Agriculture'],
    ['Logistics', 'Logistics'],
    ['Pharma', 'Pharmaceuticals'],
    ['Textiles', 'Textiles'],
    ['Furniture', 'Furniture'],
    ['Retail', 'Retail'],
    ['Dairy', 'Food production'],
    ['Motors', 'Automotive'],
    ['Software', 'IT'],
    ['Hotels', 'Hospitality'],
  ] as const,
  suffixes: ['Ltd', 'LLC', 'Inc.', 'PLC', 'GmbH'],
  male: {
    last: ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Walker', 'Wright'],
    first: ['James', 'Oliver', 'Jack', 'Harry', 'George', 'Daniel', 'Thomas', 'Michael'],
    middle: [''],
  },
  female: {
    last: ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Davies', 'Evans', 'Thomas', 'Walker', 'Wright'],
    first: ['Emma', 'Olivia', 'Sophie', 'Emily', 'Grace', 'Lucy', 'Hannah', 'Chloe'],
    middle: [''],
  },
  cities: ['London', 'Manchester', 'Leeds', 'Bristol', 'Edinburgh', 'Dublin', 'Berlin', 'Amsterdam'],
  streets: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'King Street'],
  sources: ['Website', 'Trade show', 'Referral', 'Cold call', 'Google Ads', 'Partner'],
  descriptions: [
    'Orders quarterly; the purchasing director decides.',
    'Asked about payment terms.',
    'Wants the price list by month end.',
    'Works with a competitor, unhappy with lead times.',
    '',
  ],
  edits: [{ source: 'Returning inquiry' }, { description: 'Meeting agreed for next week.' }],
  positions: ['Managing director', 'Head of purchasing', 'Buyer', 'Finance director', 'Office manager'],
  notes: [
    'Called them: interested in a delivery by the end of the quarter, asking for a volume discount.',
    'Sent a commercial offer; they promised an answer within a week.',
    'Met to discuss payment terms: ready for 30 days.',
    'Their purchasing contact changed — details updated.',
    'Complaint about the delivery time of the last shipment, passed to logistics.',
  ],
}

const RU_MOBILE = ['916', '926', '903', '905', '910', '915', '985', '977']
const RU_LANDLINE: Record<string, string> = {
  '77': '495',
  '78': '812',
  '66': '343',
  '54': '383',
  '16': '843',
  '52': '831',
}

export interface DemoOwner {
  actor: Actor
}

/**
 * About 300 believable clients: organizations with valid requisites and bank accounts, sole proprietors
 * and persons, spread over the sales employees, with later edits by colleagues so the history shows
 * several authors.
 */
export async function loadDemoClients(
  db: Db,
  locale: Locale,
  owners: Actor[],
  editors: Actor[],
  count = 300,
  subjects?: SubjectRegistry,
): Promise<number> {
  const r = rng(locale === 'ru' ? 20261127 : 20261128)
  let created = 0
  for (let i = 0; i < count; i++) {
    const owner = owners[i % owners.length]!
    const source = { actor: owner, source: 'demo' }
    const roll = r.next()
    const body = locale === 'ru' ? ruClient(r, roll) : enClient(r, roll)
    const { client } = await createClient(db, source, clientCreateBody.parse(body))
    created++
    if (client.kind === 'organization' && client.legalForm !== 'ИП' && r.chance(0.8)) {
      for (let k = 0; k < r.int(1, 2); k++) {
        await addContact(db, source, client.id, contactCreateBody.parse(contactPerson(r, locale)))
      }
    }
    if (subjects && r.chance(0.5)) {
      const colleague = r.pick(editors)
      const text = r.pick(locale === 'ru' ? RU.notes : EN.notes)
      const mention = r.chance(0.3) && colleague.userId !== owner.userId
      const name = mention
        ? ((
            await db.selectFrom('users').select('name').where('id', '=', colleague.userId!).executeTakeFirst()
          )?.name ?? '')
        : ''
      const please = locale === 'ru' ? 'посмотрите, пожалуйста.' : 'please take a look.'
      const body = `<p>${text}</p>${mention ? `<p><span data-mention="${colleague.userId}">@${name}</span> ${please}</p>` : ''}`
      await createNote({ db, subjects }, source, { subjectType: 'client', subjectId: client.id, body })
    }
    if (r.chance(0.35)) {
      const editor = r.pick(editors)
      const patch = r.pick(locale === 'ru' ? RU.edits : EN.edits)
      try {
        await updateClient(
          db,
          { actor: editor, source: 'demo' },
          client.id,
          client.version,
          clientUpdateBody.parse(patch),
        )
      } catch {
        // the editor may not see this client (own visibility): the demo simply skips that edit
      }
    }
  }
  return created
}

type R = ReturnType<typeof rng>

function ruPhone(r: R, region: string, mobile: boolean): string {
  return validPhone(() =>
    mobile
      ? `+7 ${r.pick(RU_MOBILE)} ${r.digits(3)}-${r.digits(2)}-${r.digits(2)}`
      : `8 (${RU_LANDLINE[region] ?? '495'}) ${r.int(200, 799)}-${r.digits(2)}-${r.digits(2)}`,
  )
}

/** Numbers from plausible ranges, kept only when they are real numbers of their plan. */
function validPhone(make: () => string): string {
  for (;;) {
    const candidate = make()
    if (normalizePhone(candidate).ok) return candidate
  }
}

function translit(s: string): string {
  const map: Record<string, string> = {
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
  }
  return [...s.toLowerCase()].map((ch) => map[ch] ?? (/[a-z0-9]/.test(ch) ? ch : '')).join('')
}

function ruClient(r: R, roll: number) {
  const [city, region, streets] = r.pick(RU.cities)
  const address = `${city}, ${r.pick(streets)}, д. ${r.int(1, 120)}${r.chance(0.3) ? `, оф. ${r.int(1, 500)}` : ''}`
  if (roll < 0.6) {
    const [noun, industry] = r.pick(RU.nouns)
    const name = `${r.pick(RU.prefixes)} ${noun}`
    const legalForm = r.pick(['ООО', 'ООО', 'ООО', 'АО', 'ПАО'] as const)
    const inn = makeInn('organization', `${region}${r.digits(7)}`)
    const [bik, bankName] = r.pick(RU.banks)
    const domain = `${translit(name.split(' ')[1] ?? name)}-${translit(name.split(' ')[0] ?? '')}.ru`
    return {
      kind: 'organization' as const,
      name,
      fullName: `${legalForm === 'ООО' ? 'Общество с ограниченной ответственностью' : legalForm === 'АО' ? 'Акционерное общество' : 'Публичное акционерное общество'} «${name}»`,
      legalForm,
      inn,
      kpp: `${region}${r.pick(['01', '02', '05', '10'])}01001`,
      ogrn: makeOgrn(`1${r.int(2, 2)}${r.digits(1)}${region}${r.digits(7)}`.slice(0, 12).padEnd(12, '0')),
      legalAddress: address,
      postalAddress: r.chance(0.3) ? address : '',
      website: r.chance(0.7) ? `https://${domain}` : '',
      industry: r.chance(0.85) ? industry : '',
      size: r.pick(['small', 'medium', 'large', 'micro'] as const),
      source: r.pick(RU.sources),
      description: r.pick(RU.descriptions),
      channels: [
        { type: 'phone' as const, value: ruPhone(r, region, false), label: 'офис' },
        ...(r.chance(0.5)
          ? [{ type: 'phone' as const, value: ruPhone(r, region, true), label: 'мобильный' }]
          : []),
        ...(r.chance(0.8) ? [{ type: 'email' as const, value: `info@${domain}` }] : []),
      ],
      bankAccounts: r.chance(0.7)
        ? [
            {
              bik,
              bankName,
              account: makeSettlementAccount(`40702810${r.digits(11)}`, bik),
              corrAccount: makeCorrespondentAccount(`3010181000000000${bik.slice(-3)}`, bik),
            },
          ]
        : [],
    }
  }
  const female = r.chance(0.5)
  const names = female ? RU.female : RU.male
  const lastName = r.pick(names.last)
  const firstName = r.pick(names.first)
  const middleName = r.pick(names.middle)
  if (roll < 0.75) {
    return {
      kind: 'organization' as const,
      legalForm: 'ИП' as const,
      name: `ИП ${lastName} ${firstName[0]}. ${middleName[0]}.`,
      inn: makeInn('person', `${region}${r.digits(8)}`),
      ogrn: makeOgrnip(`3${r.int(10, 24)}${region}${r.digits(9)}`.slice(0, 14)),
      legalAddress: address,
      industry: r.pick(RU.nouns)[1],
      source: r.pick(RU.sources),
      channels: [{ type: 'phone' as const, value: ruPhone(r, region, true) }],
    }
  }
  return {
    kind: 'person' as const,
    lastName,
    firstName,
    middleName,
    birthDate: `${r.int(1960, 2000)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
    legalAddress: address,
    source: r.pick(RU.sources),
    description: r.pick(RU.descriptions),
    channels: [
      { type: 'phone' as const, value: ruPhone(r, region, true) },
      ...(r.chance(0.6)
        ? [
            {
              type: 'email' as const,
              value: `${translit(firstName)}.${translit(lastName)}@${r.pick(['mail.ru', 'yandex.ru', 'gmail.com'])}`,
            },
          ]
        : []),
    ],
  }
}

function contactPerson(r: R, locale: Locale) {
  if (locale === 'ru') {
    const names = r.chance(0.5) ? RU.female : RU.male
    const lastName = r.pick(names.last)
    const firstName = r.pick(names.first)
    return {
      lastName,
      firstName,
      middleName: r.pick(names.middle),
      position: r.pick(RU.positions),
      channels: [
        { type: 'phone' as const, value: ruPhone(r, '77', true) },
        { type: 'email' as const, value: `${translit(firstName)}.${translit(lastName)}@example.ru` },
      ],
    }
  }
  const names = r.chance(0.5) ? EN.female : EN.male
  const lastName = r.pick(names.last)
  const firstName = r.pick(names.first)
  return {
    lastName,
    firstName,
    position: r.pick(EN.positions),
    channels: [
      { type: 'phone' as const, value: validPhone(() => `+44 7911 ${r.digits(6)}`) },
      { type: 'email' as const, value: `${firstName}.${lastName}@example.com`.toLowerCase() },
    ],
  }
}

function enClient(r: R, roll: number) {
  const city = r.pick(EN.cities)
  const address = `${r.int(1, 200)} ${r.pick(EN.streets)}, ${city}`
  const phone = () =>
    validPhone(() => (r.chance(0.5) ? `+44 20 7946 ${r.digits(4)}` : `+44 7911 ${r.digits(6)}`))
  if (roll < 0.7) {
    const [noun, industry] = r.pick(EN.nouns)
    const name = `${r.pick(EN.prefixes)} ${noun}`
    const domain = `${name.toLowerCase().replace(/\s+/g, '')}.example`
    return {
      kind: 'organization' as const,
      isForeign: true,
      name: `${name} ${r.pick(EN.suffixes)}`,
      fullName: '',
      legalAddress: address,
      website: `https://${domain}`,
      industry: r.chance(0.85) ? industry : '',
      size: r.pick(['small', 'medium', 'large', 'micro'] as const),
      source: r.pick(EN.sources),
      description: r.pick(EN.descriptions),
      channels: [
        { type: 'phone' as const, value: phone(), label: 'office' },
        ...(r.chance(0.8) ? [{ type: 'email' as const, value: `hello@${domain}` }] : []),
      ],
    }
  }
  const names = r.chance(0.5) ? EN.female : EN.male
  const lastName = r.pick(names.last)
  const firstName = r.pick(names.first)
  return {
    kind: 'person' as const,
    lastName,
    firstName,
    birthDate: `${r.int(1960, 2000)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
    legalAddress: address,
    source: r.pick(EN.sources),
    description: r.pick(EN.descriptions),
    channels: [
      { type: 'phone' as const, value: validPhone(() => `+44 7911 ${r.digits(6)}`) },
      ...(r.chance(0.6)
        ? [{ type: 'email' as const, value: `${firstName}.${lastName}@example.com`.toLowerCase() }]
        : []),
    ],
  }
}
