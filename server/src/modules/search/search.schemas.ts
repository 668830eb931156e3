import { z } from 'zod'

export const searchQuerystring = z.object({
  q: z.string().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(8),
})

export const searchItemSchema = z
  .object({
    kind: z.string().meta({ description: 'Record type: client, contact (later dealer, campaign, inquiry…)' }),
    id: z.number().int(),
    title: z.string(),
    subtitle: z
      .string()
      .meta({ description: 'What matched (ИНН, ОГРН, phone, e-mail) or what identifies the record' }),
    match: z.enum(['inn', 'ogrn', 'phone', 'email', 'name']),
    clientId: z.number().int().nullable().meta({
      description: 'The client card to open: the client itself, or a contact person’s organization',
    }),
  })
  .meta({ id: 'SearchItem' })

export const searchResultSchema = z
  .object({
    query: z.string(),
    groups: z.record(z.string(), z.array(searchItemSchema)).meta({
      description: 'Found records by group (clients, contacts, …), the best first',
    }),
  })
  .meta({ id: 'SearchResult' })

export type SearchItem = z.infer<typeof searchItemSchema>
export type SearchResult = z.infer<typeof searchResultSchema>
