import type { ClientDto } from './clients.schemas.ts'

/** The facts a good dossier has, per kind; the administrator may choose others (settings `clients.completeness`). */
export const DEFAULT_IMPORTANT_FIELDS: Record<ClientDto['kind'], string[]> = {
  organization: ['inn', 'legalAddress', 'phone', 'email', 'industry', 'owner', 'website'],
  person: ['phone', 'email', 'birthDate', 'owner', 'source'],
}

/** Fields the completeness indicator can look at: standard ones, and `custom.<key>` for custom fields. */
export const COMPLETENESS_STANDARD_FIELDS = [
  'inn',
  'kpp',
  'ogrn',
  'fullName',
  'legalAddress',
  'postalAddress',
  'website',
  'industry',
  'size',
  'source',
  'description',
  'birthDate',
  'phone',
  'email',
  'messenger',
  'bankAccount',
  'owner',
] as const

function isFilled(client: Omit<ClientDto, 'completeness' | 'missing'>, field: string): boolean {
  if (field.startsWith('custom.')) {
    const v = client.custom[field.slice(7)]
    return v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)
  }
  switch (field) {
    case 'phone':
    case 'email':
    case 'messenger':
      return client.channels.some((c) => c.type === field)
    case 'bankAccount':
      return client.bankAccounts.length > 0
    case 'owner':
      return client.owner !== null
    default: {
      const v = (client as unknown as Record<string, unknown>)[field]
      return v !== undefined && v !== null && v !== ''
    }
  }
}

/** Percentage of important fields filled, and which are still empty. */
export function completeness(
  client: Omit<ClientDto, 'completeness' | 'missing'>,
  important: string[],
): { completeness: number; missing: string[] } {
  if (!important.length) return { completeness: 100, missing: [] }
  const missing = important.filter((f) => !isFilled(client, f))
  return { completeness: Math.round(((important.length - missing.length) / important.length) * 100), missing }
}
