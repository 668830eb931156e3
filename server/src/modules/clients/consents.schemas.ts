import { z } from 'zod'

/** How a consent was obtained: a closed list, so reports can count by it. */
export const CONSENT_METHODS = ['web_form', 'paper', 'email', 'phone', 'messenger', 'in_person'] as const

export const consentSchema = z
  .object({
    id: z.number().int(),
    contactId: z.number().int().nullable(),
    purpose: z.string(),
    textVersion: z.string(),
    method: z.string(),
    source: z.string(),
    givenAt: z.string(),
    withdrawnAt: z.string().nullable(),
    recordedBy: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Consent' })

export const consentCreateBody = z.object({
  purpose: z.string().trim().min(1).max(500),
  textVersion: z.string().trim().max(100).default(''),
  method: z.enum(CONSENT_METHODS),
  source: z.string().trim().max(500).default(''),
  givenAt: z.iso.datetime({ offset: true }),
  contactId: z.number().int().positive().nullable().default(null),
})
