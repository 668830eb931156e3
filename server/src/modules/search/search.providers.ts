import { searchText } from '../../platform/db/text.ts'
import type { SearchQuery } from './search.query.ts'
import type { ScoredItem, SearchProvider } from './search.registry.ts'
import * as repo from './search.repository.ts'

// Scores: an exact requisite or phone beats a name that starts with the words, which beats a word inside.
const SCORE = {
  exact: 100,
  exactChannel: 95,
  sameName: 90,
  requisitePrefix: 70,
  namePrefix: 60,
  channelPart: 50,
  wordPrefix: 40,
} as const
const LEGAL_FORMS = new Set([
  'ооо',
  'ао',
  'пао',
  'зао',
  'оао',
  'нао',
  'ип',
  'ано',
  'нко',
  'гуп',
  'муп',
  'фгуп',
])

function nameScore(name: string, q: SearchQuery): number {
  const words = searchText(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
  const asked = q.words.join(' ')
  const whole = words.join(' ')
  if (whole === asked) return SCORE.sameName
  if (whole.startsWith(asked)) return SCORE.namePrefix
  if (words.length > 1 && LEGAL_FORMS.has(words[0]!) && words.slice(1).join(' ').startsWith(asked))
    return SCORE.namePrefix - 1
  return SCORE.wordPrefix
}

function channelScore(
  hit: { channel_digits?: string; channel?: string },
  q: SearchQuery,
  type: 'phone' | 'email',
) {
  if (type === 'phone') return hit.channel_digits === q.phone ? SCORE.exactChannel : SCORE.channelPart
  return hit.channel?.toLowerCase() === q.email ? SCORE.exactChannel : SCORE.channelPart
}

/** The best of several hits of the same record wins. */
function keepBest(items: ScoredItem[]): ScoredItem[] {
  const best = new Map<number, ScoredItem>()
  for (const it of items) {
    const seen = best.get(it.id)
    if (!seen || it.score > seen.score) best.set(it.id, it)
  }
  return [...best.values()].sort(
    (a, b) => b.score - a.score || a.title.length - b.title.length || a.title.localeCompare(b.title, 'ru'),
  )
}

// Candidates fetched per strategy before scoring: enough to find the best without ranking huge hit sets.
const CANDIDATES = 50

export const clientsProvider: SearchProvider = {
  group: 'clients',
  permission: 'clients.read',
  async search(db, dialect, actor, q, limit) {
    const n = Math.max(limit, CANDIDATES)
    const out: ScoredItem[] = []
    const requisiteSubtitle = (h: repo.ClientHit) => (h.inn ? `ИНН ${h.inn}` : h.ogrn ? `ОГРН ${h.ogrn}` : '')
    const tasks: Promise<void>[] = []
    if (q.words.length)
      tasks.push(
        repo.clientsByWords(db, dialect, actor, q.words, n).then((hits) => {
          for (const h of hits)
            out.push({
              kind: 'client',
              id: h.id,
              title: h.name,
              subtitle: requisiteSubtitle(h),
              match: 'name',
              clientId: h.id,
              score: nameScore(h.name, q),
            })
        }),
      )
    if (q.requisite) {
      const digits = q.requisite
      tasks.push(
        repo.clientsByRequisite(db, actor, digits, n).then((hits) => {
          for (const h of hits) {
            const byInn = h.inn?.startsWith(digits) ?? false
            const value = byInn ? h.inn : h.ogrn
            out.push({
              kind: 'client',
              id: h.id,
              title: h.name,
              subtitle: `${byInn ? 'ИНН' : 'ОГРН'} ${value}`,
              match: byInn ? 'inn' : 'ogrn',
              clientId: h.id,
              score: value === digits ? SCORE.exact : SCORE.requisitePrefix,
            })
          }
        }),
      )
    }
    for (const type of ['phone', 'email'] as const) {
      const value = type === 'phone' ? q.phone : q.email
      if (!value) continue
      tasks.push(
        repo.clientsByChannel(db, dialect, actor, type, value, n).then((hits) => {
          for (const h of hits)
            out.push({
              kind: 'client',
              id: h.id,
              title: h.name,
              subtitle: h.channel ?? '',
              match: type,
              clientId: h.id,
              score: channelScore(h, q, type),
            })
        }),
      )
    }
    await Promise.all(tasks)
    return keepBest(out).slice(0, limit)
  },
}

export const contactsProvider: SearchProvider = {
  group: 'contacts',
  permission: 'clients.read',
  async search(db, dialect, actor, q, limit) {
    const n = Math.max(limit, CANDIDATES)
    const out: ScoredItem[] = []
    const tasks: Promise<void>[] = []
    if (q.words.length)
      tasks.push(
        repo.contactsByWords(db, dialect, actor, q.words, n).then((hits) => {
          for (const h of hits)
            out.push({
              kind: 'contact',
              id: h.id,
              title: h.name,
              subtitle: '',
              match: 'name',
              clientId: null,
              score: nameScore(h.name, q),
            })
        }),
      )
    for (const type of ['phone', 'email'] as const) {
      const value = type === 'phone' ? q.phone : q.email
      if (!value) continue
      tasks.push(
        repo.contactsByChannel(db, dialect, actor, type, value, n).then((hits) => {
          for (const h of hits)
            out.push({
              kind: 'contact',
              id: h.id,
              title: h.name,
              subtitle: h.channel ?? '',
              match: type,
              clientId: null,
              score: channelScore(h, q, type),
            })
        }),
      )
    }
    await Promise.all(tasks)
    const items = keepBest(out).slice(0, limit)
    const clients = await repo.contactClients(
      db,
      actor,
      items.map((i) => i.id),
    )
    return items.map((i) => {
      const client = clients.get(i.id)
      return { ...i, clientId: client?.clientId ?? null, subtitle: i.subtitle || client?.name || '' }
    })
  },
}
