import {
  activityCreateBody,
  taskCreateBody,
  taskUpdateBody,
} from '../modules/activities/activities.schemas.ts'
import { type ActivitiesContext, createActivity } from '../modules/activities/activities.service.ts'
import { createTask, updateTask } from '../modules/activities/tasks.service.ts'
import { isWorkingDay } from '../platform/calendar/production-calendar.ts'
import { instantOfWallClock } from '../platform/calendar/recurrence.ts'
import type { Locale } from '../platform/i18n/messages.ts'
import type { Actor } from '../platform/permissions/actor.ts'
import { hasPermission } from '../platform/permissions/actor.ts'
import { rng } from './demo-clients.ts'

type R = ReturnType<typeof rng>
type Kind = 'sales' | 'head' | 'operator' | 'marketer' | 'accountant' | 'auditor' | 'admin'

/** A demo employee as the activities part sees them. */
export interface DemoWorker {
  key: string
  actor: Actor
}

interface Words {
  call: string[]
  meeting: string[]
  visit: string[]
  other: string[]
  results: string[]
  locations: string[]
  tasks: Array<[string, string[]]>
  weekly: string
  byKind: Partial<Record<Kind, { call?: string[]; meeting?: string[]; other?: string[]; tasks?: string[] }>>
}

const RU: Words = {
  call: [
    'Уточнить потребность',
    'Обсудить условия поставки',
    'Напомнить об оплате счёта',
    'Согласовать спецификацию',
    'Рассказать о новом прайсе',
    'Договориться о встрече',
    'Узнать решение по КП',
    'Уточнить объём заказа на квартал',
  ],
  meeting: [
    'Переговоры по договору',
    'Презентация продукции',
    'Встреча с закупщиком',
    'Обсуждение годового контракта',
  ],
  visit: ['Визит в офис клиента', 'Выезд на склад клиента', 'Проверка выкладки в магазине'],
  other: ['Проверка досье клиента', 'Подготовка к переговорам'],
  results: [
    'Просят прислать КП до пятницы',
    'Договорились созвониться на следующей неделе',
    'Заказ будет после согласования с директором',
    'Пока не актуально, вернуться через месяц',
    'Подтвердили объём, ждём заявку',
    'Нужны образцы продукции',
  ],
  locations: ['Офис клиента', 'Наш офис, переговорная 2', 'Склад клиента', 'Кафе рядом с офисом клиента'],
  tasks: [
    ['Подготовить коммерческое предложение', ['Цены', 'Сроки поставки', 'Условия оплаты']],
    ['Выставить счёт', []],
    [
      'Отправить договор на подпись',
      ['Согласовать с юристом', 'Подписать у директора', 'Отправить курьером'],
    ],
    ['Обновить контакты в карточке клиента', []],
    ['Собрать документы для тендера', ['Выписка из ЕГРЮЛ', 'Справка об отсутствии долгов', 'Заявка']],
  ],
  weekly: 'Еженедельный отчёт о продажах',
  byKind: {
    operator: {
      call: ['Входящий звонок: вопрос по заказу', 'Входящий звонок: запрос цены', 'Обратный звонок'],
    },
    marketer: {
      call: ['Опрос удовлетворённости', 'Приглашение на выставку'],
      meeting: ['Интервью для кейса на сайт'],
      tasks: ['Подготовить рассылку о новинках', 'Собрать отзывы клиентов'],
    },
    accountant: {
      call: ['Сверка взаиморасчётов', 'Напомнить о задолженности', 'Запросить оригиналы документов'],
      tasks: ['Подготовить акт сверки', 'Проверить поступление оплаты'],
    },
    auditor: {
      other: ['Проверка досье клиента', 'Проверка истории изменений'],
      tasks: ['Просмотреть журнал изменений за неделю', 'Проверить согласия на обработку ПДн'],
    },
    admin: {
      other: ['Проверка дублей клиента', 'Объединение карточек'],
      tasks: ['Настроить отправку почты (SMTP)', 'Проверить резервное копирование'],
    },
  },
}

const EN: Words = {
  call: [
    'Clarify their needs',
    'Discuss delivery terms',
    'Remind about the invoice',
    'Agree on the specification',
    'Present the new price list',
    'Arrange a meeting',
    'Follow up on the proposal',
    'Confirm the quarterly volume',
  ],
  meeting: [
    'Contract negotiation',
    'Product presentation',
    'Meeting with the buyer',
    'Annual contract review',
  ],
  visit: ['Visit to the client’s office', 'Visit to the client’s warehouse', 'Store display check'],
  other: ['Client file review', 'Negotiation prep'],
  results: [
    'Asked for a proposal by Friday',
    'Agreed to call again next week',
    'Order expected once the director approves',
    'Not now, come back in a month',
    'Volume confirmed, waiting for the order',
    'They need product samples',
  ],
  locations: [
    'Client’s office',
    'Our office, meeting room 2',
    'Client’s warehouse',
    'Café near the client’s office',
  ],
  tasks: [
    ['Prepare a commercial proposal', ['Prices', 'Delivery times', 'Payment terms']],
    ['Issue the invoice', []],
    ['Send the contract for signature', ['Legal review', 'Director’s signature', 'Send by courier']],
    ['Update the contacts in the client file', []],
    ['Collect the tender documents', ['Company extract', 'Tax clearance', 'Application form']],
  ],
  weekly: 'Weekly sales report',
  byKind: {
    operator: { call: ['Inbound call: order question', 'Inbound call: price request', 'Call back'] },
    marketer: {
      call: ['Satisfaction survey', 'Trade show invitation'],
      meeting: ['Interview for a case study'],
      tasks: ['Prepare the product newsletter', 'Collect client reviews'],
    },
    accountant: {
      call: ['Reconcile the balances', 'Remind about the overdue payment', 'Request the original documents'],
      tasks: ['Prepare the reconciliation statement', 'Check the incoming payment'],
    },
    auditor: {
      other: ['Client file review', 'Change history check'],
      tasks: ['Review the week’s audit trail', 'Check the personal data consents'],
    },
    admin: {
      other: ['Duplicate check', 'Merging client files'],
      tasks: ['Set up outgoing mail (SMTP)', 'Check the backups'],
    },
  },
}

const KINDS: Record<string, Kind> = {
  admin: 'admin',
  head_msk: 'head',
  head_reg: 'head',
  mgr_msk1: 'sales',
  mgr_msk2: 'sales',
  mgr_reg1: 'sales',
  partner: 'sales',
  marketer: 'marketer',
  operator: 'operator',
  accountant: 'accountant',
  auditor: 'auditor',
}

/** Done activities per working day in the past month, planned ones per working day ahead. */
const PACE: Record<Kind, { past: number; ahead: number }> = {
  sales: { past: 2.5, ahead: 1.5 },
  head: { past: 1.5, ahead: 1 },
  operator: { past: 3, ahead: 1 },
  marketer: { past: 0.7, ahead: 0.5 },
  accountant: { past: 0.7, ahead: 0.5 },
  auditor: { past: 0.4, ahead: 0.3 },
  admin: { past: 0.3, ahead: 0.3 },
}

const DAY = 86_400_000

function dateOf(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(ms))
}

function workingDay(date: string, locale: Locale): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay()
  if (locale === 'en') return weekday !== 0 && weekday !== 6
  try {
    return isWorkingDay(date)
  } catch {
    return weekday !== 0 && weekday !== 6
  }
}

/** A local time of the working day (09:30–17:30, on the half hour) as a UTC instant. */
function at(date: string, r: R, timeZone: string): string {
  const slot = r.int(0, 16)
  const hh = String(9 + Math.floor((slot + 1) / 2)).padStart(2, '0')
  const mm = (slot + 1) % 2 ? '30' : '00'
  return instantOfWallClock(`${date}T${hh}:${mm}`, timeZone)
}

/** How many of `rate` per day fall on this day (the fraction by chance). */
const howMany = (rate: number, r: R) => Math.floor(rate) + (r.chance(rate - Math.floor(rate)) ? 1 : 0)

/**
 * A month of work for every demo employee, in the demo's language: done activities with outcomes over the
 * past four weeks' working days, planned calls, meetings and visits for the next three weeks (with the
 * employee's default reminders), a few missed ones, tasks (overdue, due soon, with checklists, done) and a
 * weekly report series for the sales people — all through the services, as the employees would have made
 * them (heads assign tasks to their team; the administrator to those who cannot plan their own).
 */
export async function loadDemoActivities(
  ctx: ActivitiesContext,
  locale: Locale,
  timeZone: string,
  workers: DemoWorker[],
  now = Date.now(),
): Promise<{ activities: number; tasks: number }> {
  const r = rng(locale === 'ru' ? 20261201 : 20261202)
  const words = locale === 'ru' ? RU : EN
  const { db } = ctx
  const types = await db.selectFrom('activity_types').select(['id', 'code']).execute()
  const typeId = (code: string) => types.find((t) => t.code === code)!.id
  const outcomes = await db
    .selectFrom('activity_outcomes')
    .select(['id', 'type_id', 'result'])
    .where('is_active', '=', 1)
    .execute()
  const outcomesOf = (code: string) => outcomes.filter((o) => o.type_id === typeId(code))
  const clients = await db
    .selectFrom('clients')
    .select(['id', 'owner_id'])
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute()
  const links = await db.selectFrom('contact_links').select(['client_id', 'contact_id']).execute()
  const contactsOf = new Map<number, number[]>()
  for (const l of links) contactsOf.set(l.client_id, [...(contactsOf.get(l.client_id) ?? []), l.contact_id])
  const admin = workers.find((w) => w.key === 'admin')!.actor
  const byKey = new Map(workers.map((w) => [w.key, w.actor]))
  let activities = 0
  let tasks = 0

  const days = (from: number, to: number) => {
    const out: string[] = []
    for (let d = from; d <= to; d++) {
      const date = dateOf(now + d * DAY, timeZone)
      if (workingDay(date, locale)) out.push(date)
    }
    return out
  }
  const pastDays = days(-28, -1)
  const aheadDays = days(1, 21)
  const today = dateOf(now, timeZone)

  for (const w of workers) {
    const kind = KINDS[w.key] ?? 'sales'
    const own = clients.filter((c) => c.owner_id === w.actor.userId).map((c) => c.id)
    // Those without clients of their own work on the company's (they see them all).
    const pool = own.length
      ? own
      : clients.filter((_, i) => i % 7 === workers.indexOf(w) % 7).map((c) => c.id)
    if (!pool.length) continue
    const canPlan = hasPermission(w.actor, 'activities.write')
    const source = { actor: canPlan ? w.actor : admin, source: 'demo' }
    const ownerId = canPlan ? undefined : w.actor.userId!
    const flavour = words.byKind[kind] ?? {}
    const pickType = (): 'call' | 'meeting' | 'visit' | 'other' => {
      if (kind === 'auditor' || kind === 'admin') return 'other'
      if (kind === 'operator' || kind === 'accountant') return 'call'
      const roll = r.next()
      if (kind === 'head') return roll < 0.4 ? 'call' : roll < 0.85 ? 'meeting' : 'visit'
      if (kind === 'marketer') return roll < 0.7 ? 'call' : 'meeting'
      return roll < 0.65 ? 'call' : roll < 0.85 ? 'meeting' : 'visit'
    }
    const titleOf = (type: 'call' | 'meeting' | 'visit' | 'other') =>
      r.pick(flavour[type as 'call'] ?? words[type])
    const plan = async (date: string, status: 'done' | 'planned') => {
      const type = pickType()
      const clientId = r.pick(pool)
      const contacts = contactsOf.get(clientId) ?? []
      const outcome = status === 'done' ? r.pick(outcomesOf(type)) : undefined
      await createActivity(
        ctx,
        source,
        activityCreateBody.parse({
          typeId: typeId(type),
          status,
          subjectType: 'client',
          subjectId: clientId,
          contactId: contacts.length && r.chance(0.6) ? r.pick(contacts) : undefined,
          direction:
            type === 'call' && (kind === 'operator' ? r.chance(0.7) : r.chance(0.15)) ? 'in' : undefined,
          title: titleOf(type),
          location: type === 'meeting' || type === 'visit' ? r.pick(words.locations) : '',
          startsAt: at(date, r, timeZone),
          ownerId,
          outcomeId: outcome?.id,
          result: outcome && outcome.result !== 'neutral' ? r.pick(words.results) : '',
        }),
      )
      activities++
    }
    const pace = PACE[kind]
    for (const date of pastDays) for (let k = howMany(pace.past, r); k > 0; k--) await plan(date, 'done')
    for (const date of aheadDays) for (let k = howMany(pace.ahead, r); k > 0; k--) await plan(date, 'planned')
    // Later today, and one or two missed in the last days (still planned: overdue, escalated to the head).
    if (kind === 'sales' || kind === 'operator' || kind === 'head') {
      await plan(today, 'planned')
      for (let k = kind === 'sales' ? r.int(1, 2) : 1; k > 0; k--)
        await plan(r.pick(pastDays.slice(-4)), 'planned')
    }

    // Tasks: given by the head to their team (or by the administrator), or one's own.
    const giver =
      kind === 'sales' && w.key !== 'partner'
        ? byKey.get(w.key === 'mgr_reg1' ? 'head_reg' : 'head_msk')!
        : canPlan
          ? w.actor
          : admin
    const taskSource = { actor: giver, source: 'demo' }
    const assigneeId = giver.userId === w.actor.userId ? undefined : w.actor.userId!
    const titles: Array<[string, string[]]> = flavour.tasks
      ? flavour.tasks.map((t) => [t, []])
      : words.tasks.slice(0, kind === 'head' ? 3 : 5)
    const dues = [-5, -2, 0, 1, 3, 7, 10]
    for (const [i, [title, checklist]] of titles.entries()) {
      const offset = dues[(i + r.int(0, 2)) % dues.length]!
      const date = dateOf(now + offset * DAY, timeZone)
      const clientId = r.chance(0.7) ? r.pick(pool) : undefined
      const task = await createTask(
        ctx,
        taskSource,
        taskCreateBody.parse({
          title,
          priority: r.pick(['low', 'normal', 'normal', 'high']),
          dueAt: instantOfWallClock(`${date}T${offset < 0 ? '12' : '18'}:00`, timeZone),
          assigneeId,
          subjectType: clientId ? 'client' : undefined,
          subjectId: clientId,
          checklist: checklist.map((text, k) => ({ text, done: offset <= 0 && k === 0 })),
        }),
      )
      tasks++
      // Some earlier ones were done; the others are overdue.
      if (offset < 0 && r.chance(0.4))
        await updateTask(
          ctx,
          { actor: canPlan ? w.actor : giver, source: 'demo' },
          task.id,
          task.version,
          taskUpdateBody.parse({
            status: 'done',
            checklist: checklist.map((text) => ({ text, done: true })),
          }),
        )
    }
    // The weekly report, every Friday at 16:00 since four weeks ago: the past ones done.
    if (kind === 'sales' || kind === 'head') {
      let first = now - 28 * DAY
      while (new Date(`${dateOf(first, timeZone)}T12:00:00Z`).getUTCDay() !== 5) first += DAY
      const series = await createTask(
        ctx,
        { actor: w.actor, source: 'demo' },
        taskCreateBody.parse({
          title: words.weekly,
          dueAt: instantOfWallClock(`${dateOf(first, timeZone)}T16:00`, timeZone),
          recurrence: { rule: 'FREQ=WEEKLY;BYDAY=FR' },
          reminders: [60],
        }),
      )
      const occurrences = await db
        .selectFrom('tasks')
        .select(['id', 'version', 'due_at'])
        .where('series_id', '=', series.recurrence!.id)
        .where('due_at', '<', new Date(now).toISOString())
        .execute()
      for (const o of occurrences)
        await updateTask(
          ctx,
          { actor: w.actor, source: 'demo' },
          o.id,
          o.version,
          taskUpdateBody.parse({ status: 'done' }),
        )
      tasks += await db
        .selectFrom('tasks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('series_id', '=', series.recurrence!.id)
        .executeTakeFirstOrThrow()
        .then((x) => Number(x.n))
    }
  }
  return { activities, tasks }
}
