import type { Config } from '../config.ts'
import { countUsers, createTeam, createUser, findRoleIdByCode, updateTeam } from '../modules/staff/index.ts'
import { loadActor } from '../platform/auth/auth.repository.ts'
import { generatePassword } from '../platform/auth/passwords.ts'
import type { Db } from '../platform/db/database.ts'
import type { Locale } from '../platform/i18n/messages.ts'
import { SYSTEM_ACTOR } from '../platform/permissions/actor.ts'
import type { SubjectRegistry } from '../platform/subjects.ts'
import { loadDemoActivities } from './demo-activities.ts'
import { loadDemoClassifiers } from './demo-classifiers.ts'
import { loadDemoClients } from './demo-clients.ts'
import { DEMO_COMPANIES } from './demo-company.ts'

export interface DemoLogin {
  name: string
  email: string
  role: string
  password: string
}

/**
 * Loads the demo company into an empty database: teams with their heads and an employee for each
 * role, clients with their contact persons, notes and edits, five classifiers with the clients in them,
 * and a month of activities and tasks for every employee. Later functions add their data here. Returns the sign-ins, or null when the database has data.
 */
export async function loadDemo(
  db: Db,
  config: Config,
  locale: Locale,
  options: { password?: string; clients?: number; subjects?: SubjectRegistry } = {},
): Promise<DemoLogin[] | null> {
  if ((await countUsers(db)) > 0) return null
  const company = DEMO_COMPANIES[locale]
  const source = { actor: { ...SYSTEM_ACTOR, locale }, source: 'demo' }
  const teamIds = new Map<string, number>()
  for (const team of company.teams) {
    const created = await createTeam(db, source, {
      name: team.name,
      description: team.description,
      headId: null,
    })
    teamIds.set(team.key, created.id)
  }
  const logins: DemoLogin[] = []
  const actors = new Map<string, number>()
  for (const e of company.employees) {
    const roleId = await findRoleIdByCode(db, e.role)
    if (!roleId) throw new Error(`demo: role ${e.role} missing`)
    const isAdmin = e.key === 'admin'
    const email = isAdmin && config.admin.email ? config.admin.email : e.email
    const password = (isAdmin ? config.admin.password : undefined) ?? options.password ?? generatePassword()
    const user = await createUser(
      db,
      source,
      {
        email,
        name: e.name,
        position: e.position,
        phone: '',
        password,
        roleId,
        teamId: e.team ? (teamIds.get(e.team) ?? null) : null,
        locale,
      },
      { locale, timeZone: config.defaultTimeZone },
    )
    if (e.heads) {
      const teamId = teamIds.get(e.heads)!
      await updateTeam(db, source, teamId, 1, { headId: user.id })
    }
    logins.push({ name: e.name, email, role: e.role, password })
    actors.set(e.key, user.id)
  }
  const actorOf = async (key: string) => (await loadActor(db, actors.get(key)!))!
  const owners = await Promise.all(
    ['mgr_msk1', 'mgr_msk2', 'mgr_reg1', 'head_msk', 'head_reg', 'partner', 'operator'].map(actorOf),
  )
  const editors = await Promise.all(['head_msk', 'head_reg', 'operator', 'accountant'].map(actorOf))
  await loadDemoClients(db, locale, owners, editors, options.clients ?? 300, options.subjects)
  await loadDemoClassifiers(db, locale, {
    admin: await actorOf('admin'),
    owners,
    heads: editors.slice(0, 2),
    operator: editors[2]!,
  })
  if (options.subjects) {
    const workers = await Promise.all(
      company.employees.map(async (e) => ({ key: e.key, actor: await actorOf(e.key) })),
    )
    await loadDemoActivities({ db, subjects: options.subjects }, locale, config.defaultTimeZone, workers)
  }
  return logins
}

export function printDemoLogins(logins: DemoLogin[], print: (line: string) => void): void {
  print('')
  print('  MM CRM demo company loaded. Sign in as any of these employees:')
  const width = Math.max(...logins.map((l) => l.email.length))
  for (const l of logins) print(`    ${l.email.padEnd(width)}  ${l.password}   ${l.role}  (${l.name})`)
  print('')
}
