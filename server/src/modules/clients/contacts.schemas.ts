import { z } from 'zod'
import { channelInput, channelSchema } from './clients.schemas.ts'

const text = (max: number) => z.string().trim().max(max)

export const contactPersonFields = {
  lastName: text(200),
  firstName: text(200),
  middleName: text(200),
  birthday: z.iso.date().nullable(),
  notes: text(5000),
  channels: z.array(channelInput).max(30),
  personClientId: z.number().int().positive().nullable(),
}

export const linkFields = {
  position: text(200),
  department: text(200),
  role: text(200),
  isPrimary: z.boolean(),
}

export const contactCreateBody = z
  .object({ ...contactPersonFields, ...linkFields })
  .partial()
  .extend({
    contactId: z.number().int().positive().optional().meta({
      description:
        'Link an existing contact person (working for another organization too) instead of creating one',
    }),
  })
export type ContactCreateInput = z.output<typeof contactCreateBody>

export const contactUpdateBody = z.object(contactPersonFields).partial()
export type ContactUpdateInput = z.output<typeof contactUpdateBody>

export const linkUpdateBody = z.object(linkFields).partial()

export const contactLinkParams = z.object({
  id: z.coerce.number().int().positive(),
  contactId: z.coerce.number().int().positive(),
})

const ref = z.object({ id: z.number().int(), name: z.string() })

export const contactSchema = z
  .object({
    id: z.number().int(),
    lastName: z.string(),
    firstName: z.string(),
    middleName: z.string(),
    name: z.string(),
    birthday: z.string().nullable(),
    notes: z.string(),
    channels: z.array(channelSchema),
    personClient: ref.nullable(),
    organizations: z.array(
      z.object({
        clientId: z.number().int(),
        name: z.string(),
        position: z.string(),
        department: z.string(),
        role: z.string(),
        isPrimary: z.boolean(),
      }),
    ),
    hiddenOrganizations: z
      .number()
      .int()
      .meta({ description: 'Links to organizations outside your visibility' }),
    erasedAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ContactPerson' })
export type ContactDto = z.infer<typeof contactSchema>

/** A contact person as seen from one organization's card: the person plus this link. */
export const clientContactSchema = contactSchema
  .extend({
    position: z.string(),
    department: z.string(),
    role: z.string(),
    isPrimary: z.boolean(),
  })
  .meta({ id: 'ClientContactPerson' })

export const contactSearchQuery = z.object({
  q: z.string().trim().max(200).optional().meta({
    description: 'Part of the name (any case, ё = е), a phone number in any format, or an e-mail',
  }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})
export type ContactSearchQuery = z.output<typeof contactSearchQuery>

/** A contact person found by the search: enough to recognise them and to link them to another organization. */
export const contactSearchItemSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    organizations: z
      .array(z.object({ id: z.number().int(), name: z.string(), position: z.string() }))
      .meta({ description: 'Organizations the person works for, only those visible to you' }),
    personClient: ref.nullable(),
    phone: z.string().nullable().meta({ description: 'The primary phone' }),
    email: z.string().nullable().meta({ description: 'The primary e-mail' }),
  })
  .meta({ id: 'ContactPersonFound' })
export type ContactSearchItem = z.infer<typeof contactSearchItemSchema>

export const contactSearchResponse = z
  .object({ items: z.array(contactSearchItemSchema) })
  .meta({ id: 'ContactPersonSearchResult' })
