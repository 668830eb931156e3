import type { Rule } from '../modules/classifiers/classifiers.schemas.ts'
import { createClassifier, createNode } from '../modules/classifiers/classifiers.service.ts'
import { classifyClients, setClientNodes } from '../modules/classifiers/index.ts'
import { applyRules } from '../modules/classifiers/rules.ts'
import { type Db, dialectOf } from '../platform/db/database.ts'
import type { Locale } from '../platform/i18n/messages.ts'
import { JobQueue } from '../platform/jobs/job-queue.ts'
import type { Actor } from '../platform/permissions/actor.ts'
import { rng } from './demo-clients.ts'

type Name = { ru: string; en: string }

interface NodeDef {
  /** How the plan below refers to the node; for a city, the city as the demo addresses spell it. */
  key: string
  name: Name
  color?: string
  rule?: Rule
  children?: NodeDef[]
}

type ClassifierKey = 'temperature' | 'loyalty' | 'size' | 'industry' | 'region'

interface ClassifierDef {
  key: ClassifierKey
  name: Name
  description: Name
  multiple: boolean
  required: boolean
  nodes: NodeDef[]
}

const node = (key: string, ru: string, en: string, extra: Partial<NodeDef> = {}): NodeDef => ({
  key,
  name: { ru, en },
  ...extra,
})

/** Clients whose card names an IT trade: the one node filled by a rule, not by hand. */
const IT_RULE: Rule = {
  match: 'all',
  conditions: [{ variable: 'industry', op: 'in', value: ['Информационные технологии', 'IT'] }],
}

const TEMPERATURE: ClassifierDef = {
  key: 'temperature',
  name: { ru: 'Температура', en: 'Temperature' },
  description: {
    ru: 'Насколько клиент готов к сделке: холодный — пока не интересуется, тёплый — ведём переговоры, горячий — готов покупать.',
    en: 'How ready the client is to buy: cold — not interested yet, warm — in talks, hot — ready to buy.',
  },
  multiple: false,
  required: true,
  nodes: [
    node('cold', 'Холодный', 'Cold', { color: '#3b82f6' }),
    node('warm', 'Тёплый', 'Warm', { color: '#f97316' }),
    node('hot', 'Горячий', 'Hot', { color: '#ef4444' }),
  ],
}

const LOYALTY: ClassifierDef = {
  key: 'loyalty',
  name: { ru: 'Лояльность', en: 'Loyalty' },
  description: {
    ru: 'Как давно и как охотно клиент с нами работает.',
    en: 'How long and how willingly the client works with us.',
  },
  multiple: false,
  required: false,
  nodes: [
    node('new', 'Новый', 'New', { color: '#94a3b8' }),
    node('occasional', 'Разовые покупки', 'Occasional', { color: '#38bdf8' }),
    node('regular', 'Постоянный', 'Regular', { color: '#22c55e' }),
    node('loyal', 'Лояльный', 'Loyal', { color: '#15803d' }),
    node('advocate', 'Рекомендует нас', 'Advocate', { color: '#8b5cf6' }),
  ],
}

const SIZE: ClassifierDef = {
  key: 'size',
  name: { ru: 'Размер', en: 'Size' },
  description: {
    ru: 'Масштаб бизнеса клиента: от него зависят условия и кто ведёт клиента.',
    en: 'The scale of the client’s business: it decides the terms and who handles the client.',
  },
  multiple: false,
  required: false,
  nodes: [
    node('small', 'Малый', 'Small', { color: '#93c5fd' }),
    node('medium', 'Средний', 'Medium', { color: '#3b82f6' }),
    node('large', 'Крупный', 'Large', { color: '#1e3a8a' }),
  ],
}

const INDUSTRY: ClassifierDef = {
  key: 'industry',
  name: { ru: 'Отрасль', en: 'Industry' },
  description: {
    ru: 'Чем занимается клиент; у клиента может быть несколько направлений. ИТ-компании попадают в свой раздел сами — по полю «Отрасль» в карточке.',
    en: 'What the client does; a client may have several lines of business. IT companies land in their node by themselves, from the Industry field of the card.',
  },
  multiple: true,
  required: false,
  nodes: [
    node('trade', 'Торговля', 'Trade', {
      color: '#0ea5e9',
      children: [
        node('retail', 'Розничная торговля', 'Retail', {
          children: [
            node('groceries', 'Продукты питания', 'Groceries'),
            node('cars', 'Автомобили и запчасти', 'Cars and parts'),
          ],
        }),
        node('wholesale', 'Оптовая торговля', 'Wholesale', {
          children: [
            node('metals', 'Металлопрокат', 'Metals'),
            node('pharma', 'Фармацевтика', 'Pharmaceuticals'),
          ],
        }),
      ],
    }),
    node('manufacturing', 'Производство', 'Manufacturing', {
      color: '#a16207',
      children: [
        node('food', 'Пищевая промышленность', 'Food production', {
          children: [
            node('bakeries', 'Хлебопекарни', 'Bakeries'),
            node('dairy', 'Молочная продукция', 'Dairy'),
          ],
        }),
        node('textiles', 'Лёгкая промышленность', 'Textiles'),
        node('furniture', 'Мебель', 'Furniture'),
        node('glass', 'Стекло и стройматериалы', 'Glass and building materials'),
      ],
    }),
    node('services', 'Услуги', 'Services', {
      color: '#7c3aed',
      children: [
        node('logistics', 'Логистика', 'Logistics'),
        node('hotels', 'Гостиницы и рестораны', 'Hotels and restaurants'),
        node('car_service', 'Автосервис', 'Car service'),
      ],
    }),
    node('agriculture', 'Сельское хозяйство', 'Agriculture', { color: '#16a34a' }),
    node('construction', 'Строительство', 'Construction', {
      color: '#ea580c',
      children: [
        node('housing', 'Жилое строительство', 'Housing'),
        node('roads', 'Дороги и инфраструктура', 'Roads and infrastructure'),
      ],
    }),
    node('it', 'ИТ', 'IT', { color: '#0891b2', rule: IT_RULE }),
  ],
}

const city = (ru: string, en: string, locale: Locale) => node(locale === 'ru' ? ru : en, ru, en)

/**
 * The Russian company's territory (federal districts and their cities); the English company trades from
 * Britain, so its territory is the British Isles and the nearby continent. Either way the cities of the
 * demo addresses are there.
 */
function regionTree(locale: Locale): NodeDef[] {
  const c = (ru: string, en: string) => city(ru, en, locale)
  if (locale === 'ru')
    return [
      node('cfd', 'Центральный ФО', 'Central Federal District', {
        color: '#dc2626',
        children: [
          c('Москва', 'Moscow'),
          c('Московская область', 'Moscow Region'),
          c('Тула', 'Tula'),
          c('Воронеж', 'Voronezh'),
          c('Ярославль', 'Yaroslavl'),
        ],
      }),
      node('nwfd', 'Северо-Западный ФО', 'Northwestern Federal District', {
        color: '#2563eb',
        children: [
          c('Санкт-Петербург', 'Saint Petersburg'),
          c('Ленинградская область', 'Leningrad Region'),
          c('Калининград', 'Kaliningrad'),
        ],
      }),
      node('vfd', 'Приволжский ФО', 'Volga Federal District', {
        color: '#059669',
        children: [
          c('Казань', 'Kazan'),
          c('Нижний Новгород', 'Nizhny Novgorod'),
          c('Самара', 'Samara'),
          c('Пермь', 'Perm'),
        ],
      }),
      node('ufd', 'Уральский ФО', 'Ural Federal District', {
        color: '#9333ea',
        children: [c('Екатеринбург', 'Yekaterinburg'), c('Челябинск', 'Chelyabinsk'), c('Тюмень', 'Tyumen')],
      }),
      node('sfd', 'Сибирский ФО', 'Siberian Federal District', {
        color: '#0d9488',
        children: [c('Новосибирск', 'Novosibirsk'), c('Омск', 'Omsk'), c('Красноярск', 'Krasnoyarsk')],
      }),
      node('sofd', 'Южный ФО', 'Southern Federal District', {
        color: '#d97706',
        children: [c('Краснодар', 'Krasnodar'), c('Ростов-на-Дону', 'Rostov-on-Don')],
      }),
    ]
  return [
    node('uk', 'Великобритания', 'United Kingdom', {
      color: '#1d4ed8',
      children: [
        node('england', 'Англия', 'England', {
          children: [
            c('Лондон', 'London'),
            c('Манчестер', 'Manchester'),
            c('Лидс', 'Leeds'),
            c('Бристоль', 'Bristol'),
            c('Бирмингем', 'Birmingham'),
            c('Ливерпуль', 'Liverpool'),
          ],
        }),
        node('scotland', 'Шотландия', 'Scotland', {
          children: [c('Эдинбург', 'Edinburgh'), c('Глазго', 'Glasgow')],
        }),
        node('wales', 'Уэльс', 'Wales', { children: [c('Кардифф', 'Cardiff')] }),
        node('ni', 'Северная Ирландия', 'Northern Ireland', { children: [c('Белфаст', 'Belfast')] }),
      ],
    }),
    node('ireland', 'Ирландия', 'Ireland', {
      color: '#16a34a',
      children: [c('Дублин', 'Dublin'), c('Корк', 'Cork')],
    }),
    node('europe', 'Континентальная Европа', 'Continental Europe', {
      color: '#ca8a04',
      children: [
        node('de', 'Германия', 'Germany', {
          children: [c('Берлин', 'Berlin'), c('Мюнхен', 'Munich'), c('Гамбург', 'Hamburg')],
        }),
        node('nl', 'Нидерланды', 'Netherlands', {
          children: [c('Амстердам', 'Amsterdam'), c('Роттердам', 'Rotterdam')],
        }),
        node('fr', 'Франция', 'France', { children: [c('Париж', 'Paris')] }),
      ],
    }),
  ]
}

function classifierDefs(locale: Locale): ClassifierDef[] {
  return [
    TEMPERATURE,
    LOYALTY,
    SIZE,
    INDUSTRY,
    {
      key: 'region',
      name: { ru: 'Регион', en: 'Region' },
      description: {
        ru: 'Где клиент работает — по юридическому адресу.',
        en: 'Where the client is based, by its legal address.',
      },
      multiple: false,
      required: false,
      nodes: regionTree(locale),
    },
  ]
}

/** What an organization's name tells of its trade (the demo names organizations by trade). */
const NAME_TRADE: ReadonlyArray<readonly [string, string]> = [
  ['Хлебозавод', 'bakeries'],
  ['Металлоторг', 'metals'],
  ['Стройресурс', 'construction'],
  ['Агрохолдинг', 'agriculture'],
  ['Транслогистик', 'logistics'],
  ['Фармсклад', 'pharma'],
  ['Текстиль', 'textiles'],
  ['Мебельный двор', 'furniture'],
  ['Продторг', 'groceries'],
  ['Молочный комбинат', 'dairy'],
  ['Автоцентр', 'cars'],
  ['Софт', 'it'],
  ['Стекольный завод', 'glass'],
  ['Отель', 'hotels'],
  ['Foods', 'food'],
  ['Metals', 'metals'],
  ['Construction', 'construction'],
  ['Farms', 'agriculture'],
  ['Logistics', 'logistics'],
  ['Pharma', 'pharma'],
  ['Textiles', 'textiles'],
  ['Furniture', 'furniture'],
  ['Retail', 'retail'],
  ['Dairy', 'dairy'],
  ['Motors', 'cars'],
  ['Software', 'it'],
  ['Hotels', 'hotels'],
]

/** The card's Industry field, read into a node (a broad one: the field says less than the name). */
const FIELD_TRADE: Readonly<Record<string, string>> = {
  'Пищевая промышленность': 'food',
  'Food production': 'food',
  'Оптовая торговля': 'wholesale',
  Wholesale: 'wholesale',
  Строительство: 'construction',
  Construction: 'construction',
  'Сельское хозяйство': 'agriculture',
  Agriculture: 'agriculture',
  Логистика: 'logistics',
  Logistics: 'logistics',
  Фармацевтика: 'pharma',
  Pharmaceuticals: 'pharma',
  'Лёгкая промышленность': 'textiles',
  Textiles: 'textiles',
  'Производство мебели': 'furniture',
  Furniture: 'furniture',
  'Розничная торговля': 'retail',
  Retail: 'retail',
  'Автомобили и запчасти': 'cars',
  Automotive: 'cars',
  'Информационные технологии': 'it',
  IT: 'it',
  Производство: 'manufacturing',
  'Гостиницы и рестораны': 'hotels',
  Hospitality: 'hotels',
}

/** A second line of business some clients have besides their main one. */
const SECOND_TRADE: Readonly<Record<string, string>> = {
  bakeries: 'groceries',
  dairy: 'groceries',
  cars: 'car_service',
  logistics: 'wholesale',
  agriculture: 'food',
}

const SIZE_OF: Readonly<Record<string, string>> = {
  micro: 'small',
  small: 'small',
  medium: 'medium',
  large: 'large',
  enterprise: 'large',
}

const LOYALTY_ORDER = ['new', 'occasional', 'regular', 'loyal', 'advocate'] as const

/** One moment of a client's life in a classifier: from `at` on, it sits in these nodes. */
interface Step {
  at: number
  nodes: string[]
  actor: number | null
  /** `past`: written straight into the history; `today`: set through the service now; `bulk`: a bulk action now. */
  via: 'past' | 'today' | 'bulk'
}

interface Plan {
  clientId: number
  classifier: ClassifierKey
  steps: Step[]
}

export interface DemoClassifierActors {
  /** Sets the classifiers up. */
  admin: Actor
  /** Everyone who owns demo clients (they classify their own clients). */
  owners: Actor[]
  /** Colleagues who now and then reclassify someone else's client. */
  heads: Actor[]
  /** Fills in regions from the call centre. */
  operator: Actor
}

const DAY = 86_400_000
const HOUR = 3_600_000

/**
 * Five classifiers — Temperature, Loyalty, Size, Industry (with one rule node) and Region — with the
 * demo clients spread over them the way a team would have done it: by the clients' owners, consistent
 * with the cards (industry, size, address), over the last months, so the history, "as of a date" and the
 * movements report have something to show. Past events go straight into the history in time order with
 * matching memberships; today's changes and the rule go through the classifier module itself.
 */
export async function loadDemoClassifiers(
  db: Db,
  locale: Locale,
  actors: DemoClassifierActors,
): Promise<void> {
  const jobs = new JobQueue(db, dialectOf(db))
  const source = { actor: actors.admin, source: 'demo' }
  const ids = new Map<ClassifierKey, { id: number; nodes: Map<string, number> }>()
  for (const def of classifierDefs(locale)) {
    const created = await createClassifier(db, source, {
      name: def.name,
      description: def.description[locale],
      multiple: def.multiple,
      required: def.required,
    })
    const nodes = new Map<string, number>()
    const walk = async (list: NodeDef[], parentId: number | null) => {
      for (const n of list) {
        const made = await createNode(db, jobs, source, created.id, {
          parentId,
          name: n.name,
          color: n.color ?? '',
          rule: n.rule ?? null,
        })
        nodes.set(n.key, made.id)
        if (n.children) await walk(n.children, made.id)
      }
    }
    await walk(def.nodes, null)
    ids.set(def.key, { id: created.id, nodes })
  }

  const clients = await db
    .selectFrom('clients')
    .select(['id', 'kind', 'name', 'legal_form', 'industry', 'size', 'legal_address', 'owner_id'])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute()
  const plans = planClassification(clients, locale, actors, Date.now())

  // The past: the history in time order (reading it by id replays it), then where it left each client.
  const history: Array<{
    client: number
    classifier: number
    node: number
    action: 'enter' | 'exit'
    at: number
    actor: number | null
  }> = []
  const members: Array<{
    client: number
    classifier: number
    node: number
    at: number
    actor: number | null
  }> = []
  for (const p of plans) {
    const c = ids.get(p.classifier)!
    const inside = new Map<number, { at: number; actor: number | null }>()
    for (const s of p.steps) {
      if (s.via !== 'past') continue
      const next = new Set(s.nodes.map((k) => c.nodes.get(k)!))
      const event = (node: number, action: 'enter' | 'exit') =>
        history.push({ client: p.clientId, classifier: c.id, node, action, at: s.at, actor: s.actor })
      for (const id of [...inside.keys()]) {
        if (next.has(id)) continue
        event(id, 'exit')
        inside.delete(id)
      }
      for (const id of next) {
        if (inside.has(id)) continue
        event(id, 'enter')
        inside.set(id, { at: s.at, actor: s.actor })
      }
    }
    for (const [node, e] of inside) members.push({ client: p.clientId, classifier: c.id, node, ...e })
  }
  history.sort((a, b) => a.at - b.at)
  const iso = (ms: number) => new Date(ms).toISOString()
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < history.length; i += 500) {
      await tx
        .insertInto('classification_history')
        .values(
          history.slice(i, i + 500).map((h) => ({
            client_id: h.client,
            classifier_id: h.classifier,
            node_id: h.node,
            action: h.action,
            at: iso(h.at),
            actor_id: h.actor,
            by_rule: 0 as const,
            operation_id: null,
          })),
        )
        .execute()
    }
    for (let i = 0; i < members.length; i += 500) {
      await tx
        .insertInto('client_classifications')
        .values(
          members.slice(i, i + 500).map((m) => ({
            client_id: m.client,
            node_id: m.node,
            classifier_id: m.classifier,
            by_rule: 0 as const,
            assigned_by: m.actor,
            assigned_at: iso(m.at),
          })),
        )
        .execute()
    }
  })

  // Today: a few clients reclassified by hand, a bulk action, and the rule node filled by its rule.
  const actorById = new Map(
    [...actors.owners, ...actors.heads, actors.operator, actors.admin].map((a) => [a.userId, a] as const),
  )
  const as = (id: number | null) => ({ actor: actorById.get(id) ?? actors.admin, source: 'demo' })
  await db.transaction().execute(async (tx) => {
    const bulk = new Map<
      string,
      { actor: number | null; classifier: ClassifierKey; node: string; clients: number[] }
    >()
    for (const p of plans) {
      const c = ids.get(p.classifier)!
      for (const s of p.steps) {
        if (s.via === 'today')
          await setClientNodes(
            tx,
            as(s.actor),
            p.clientId,
            c.id,
            s.nodes.map((k) => c.nodes.get(k)!),
          )
        if (s.via === 'bulk') {
          const key = `${s.actor}:${p.classifier}:${s.nodes[0]}`
          const group = bulk.get(key) ?? {
            actor: s.actor,
            classifier: p.classifier,
            node: s.nodes[0]!,
            clients: [],
          }
          group.clients.push(p.clientId)
          bulk.set(key, group)
        }
      }
    }
    for (const g of bulk.values()) {
      const c = ids.get(g.classifier)!
      await classifyClients(tx, as(g.actor), g.clients, c.nodes.get(g.node)!, 'add')
    }
    await applyRules(
      tx,
      dialectOf(db),
      clients.map((c) => c.id),
    )
  })
}

interface DemoClientRow {
  id: number
  kind: string
  name: string
  legal_form: string
  industry: string
  size: string
  legal_address: string
  owner_id: number | null
}

/** Where each client sits in each classifier over time: deterministic for a locale, relative to `now`. */
function planClassification(
  clients: DemoClientRow[],
  locale: Locale,
  actors: DemoClassifierActors,
  now: number,
): Plan[] {
  const r = rng(locale === 'ru' ? 20270301 : 20270302)
  const between = (from: number, to: number) => Math.round(from + r.next() * Math.max(0, to - from))
  const weighted = <T extends string>(choices: ReadonlyArray<readonly [T, number]>): T => {
    let x = r.next() * choices.reduce((sum, [, w]) => sum + w, 0)
    for (const [value, w] of choices) {
      x -= w
      if (x < 0) return value
    }
    return choices.at(-1)![0]
  }
  const latest = now - HOUR
  const d = new Date(now)
  const monthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)
  const prevMonthStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)
  /** A moment of the current month (when it has begun long enough) or of the previous one. */
  const recently = () => {
    const thisMonth = r.chance(0.5)
    return latest > monthStart + HOUR && thisMonth
      ? between(monthStart, latest)
      : between(prevMonthStart, monthStart - HOUR)
  }
  /** Moves at the given moments, the last one `last`, the first at `first`, the rest spread between. */
  const moments = (first: number, last: number, count: number) => {
    const inner = Array.from({ length: Math.max(0, count - 2) }, () =>
      between(first + 7 * DAY, last - 7 * DAY),
    ).sort((a, b) => a - b)
    return count === 1 ? [last] : [first, ...inner, last]
  }
  const colleague = (owner: number | null) =>
    r.chance(0.25) ? (r.pick(actors.heads).userId ?? owner) : owner
  const cityNodes = new Set<string>()
  const collect = (list: NodeDef[]) => {
    for (const n of list) {
      if (!n.children) cityNodes.add(n.key)
      else collect(n.children)
    }
  }
  collect(regionTree(locale))

  const plans: Plan[] = []
  for (const c of clients) {
    const owner = c.owner_id ?? actors.admin.userId
    const isPerson = c.kind === 'person'
    const isSoleTrader = c.legal_form === 'ИП'
    // When the client came to us: most months ago, some in the last weeks.
    const isNew = r.chance(0.12)
    const since = isNew ? between(now - 45 * DAY, now - DAY) : between(now - 240 * DAY, now - 130 * DAY)
    const soon = (days: number) => Math.min(since + Math.round(r.next() * days * DAY), latest)
    const plan = (classifier: ClassifierKey, steps: Step[]) => {
      if (steps.length) plans.push({ clientId: c.id, classifier, steps })
    }
    const path = (classifier: ClassifierKey, nodes: string[], first: number, last: number) =>
      plan(
        classifier,
        moments(first, last, nodes.length).map((at, i) => ({
          at,
          nodes: [nodes[i]!],
          actor: i === 0 ? owner : colleague(owner),
          via: 'past' as const,
        })),
      )

    // Temperature: everyone. Most are warm; some warmed up over the last months, a few cooled down,
    // and a handful moved today.
    if (isNew) {
      plan('temperature', [
        {
          at: soon(3),
          nodes: [
            weighted([
              ['warm', 70],
              ['hot', 15],
              ['cold', 15],
            ] as const),
          ],
          actor: owner,
          via: 'past',
        },
      ])
    } else {
      const u = r.next()
      if (u < 0.2)
        path('temperature', r.chance(0.6) ? ['cold', 'warm', 'hot'] : ['cold', 'warm'], since, recently())
      else if (u < 0.28)
        path('temperature', r.chance(0.5) ? ['hot', 'warm'] : ['warm', 'cold'], since, recently())
      else {
        const stays = weighted([
          ['warm', 60],
          ['cold', 20],
          ['hot', 20],
        ] as const)
        const steps: Step[] = [{ at: soon(5), nodes: [stays], actor: owner, via: 'past' }]
        if (stays === 'warm' && r.chance(0.07))
          steps.push({ at: now, nodes: ['hot'], actor: owner, via: 'today' })
        if (stays === 'hot' && r.chance(0.08))
          steps.push({ at: now, nodes: ['warm'], actor: owner, via: 'today' })
        plan('temperature', steps)
      }
    }

    // Loyalty: most organizations, fewer individuals; a part moved up a step lately.
    if (r.chance(isPerson ? 0.4 : isSoleTrader ? 0.6 : 0.75)) {
      if (isNew) {
        const level = weighted([
          ['new', 75],
          ['occasional', 25],
        ] as const)
        plan('loyalty', [{ at: soon(5), nodes: [level], actor: owner, via: 'past' }])
      } else {
        const level = weighted([
          ['new', 5],
          ['occasional', 30],
          ['regular', 33],
          ['loyal', 22],
          ['advocate', 10],
        ] as const)
        const below = LOYALTY_ORDER[LOYALTY_ORDER.indexOf(level) - 1]
        if (below && r.chance(0.3))
          path('loyalty', [below, level], soon(10), between(now - 100 * DAY, latest))
        else plan('loyalty', [{ at: soon(10), nodes: [level], actor: owner, via: 'past' }])
      }
    }

    // Size: organizations by the size on their card; sole traders sorted in bulk today.
    const size = SIZE_OF[c.size]
    if (!isPerson && !isSoleTrader && size && r.chance(0.92)) {
      if (size === 'medium' && !isNew && r.chance(0.15))
        path('size', ['small', 'medium'], soon(5), between(now - 120 * DAY, latest))
      else plan('size', [{ at: soon(5), nodes: [size], actor: owner, via: 'past' }])
    } else if (isSoleTrader) {
      plan('size', [{ at: now, nodes: ['small'], actor: actors.heads.at(-1)!.userId, via: 'bulk' }])
    }

    // Industry: organizations by their trade (the name says it, the card's field confirms it), IT by
    // the rule; individuals rarely.
    const fromName =
      c.kind === 'organization' && !isSoleTrader
        ? NAME_TRADE.find(([w]) => c.name.includes(w))?.[1]
        : undefined
    const fromField = FIELD_TRADE[c.industry]
    let trade = fromName ?? fromField
    if (!c.industry && !(fromName && r.chance(0.5))) trade = undefined
    if (trade === 'food' && fromName) trade = r.chance(0.4) ? 'bakeries' : 'food'
    if (trade === 'construction' && fromName)
      trade = weighted([
        ['housing', 6],
        ['roads', 3],
        ['construction', 1],
      ] as const)
    if (isPerson && r.chance(0.06)) trade = r.pick(['agriculture', 'housing', 'car_service', 'services'])
    if (trade && trade !== 'it') {
      const first = soon(7)
      const steps: Step[] = [{ at: first, nodes: [trade], actor: owner, via: 'past' }]
      const second = SECOND_TRADE[trade]
      if (second && fromName && !isNew && r.chance(0.3))
        steps.push({
          at: between(first + 5 * DAY, latest),
          nodes: [trade, second],
          actor: colleague(owner),
          via: 'past',
        })
      plan('industry', steps)
    }

    // Region: by the city of the legal address, by the owner or the call centre.
    const place = c.legal_address
      .split(',')
      .map((s) => s.trim())
      .find((s) => cityNodes.has(s))
    if (place && r.chance(0.95))
      plan('region', [
        { at: soon(3), nodes: [place], actor: r.chance(0.25) ? actors.operator.userId : owner, via: 'past' },
      ])
  }
  return plans
}
