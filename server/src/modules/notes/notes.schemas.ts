import { z } from 'zod'

/** Largest note body as sent by the editor (HTML, UTF-8 bytes). */
export const NOTE_MAX_BYTES = 100 * 1024

export const idParams = z.object({ id: z.coerce.number().int().positive() })

const refSchema = z.object({ id: z.number().int(), name: z.string() })

export const subjectTypeField = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .meta({ description: 'The kind of record, e.g. `client`' })
export const subjectIdField = z.coerce.number().int().positive()

export const noteFileSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  size: z.number().int(),
  mime: z.string(),
})

export const noteSchema = z
  .object({
    id: z.number().int(),
    subjectType: z.string(),
    subjectId: z.number().int(),
    author: refSchema.nullable(),
    body: z.string().meta({ description: 'Sanitized HTML' }),
    text: z.string().meta({ description: 'The body as plain text' }),
    mentions: z.array(refSchema),
    files: z.array(noteFileSchema).meta({ description: 'Files attached to this note' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    canEdit: z.boolean().meta({ description: 'The caller wrote it, or administers employees' }),
  })
  .meta({ id: 'Note' })
export type NoteDto = z.infer<typeof noteSchema>

export const noteSavedSchema = noteSchema
  .extend({
    unnotified: z
      .array(refSchema)
      .meta({ description: 'Mentioned employees who cannot see the record, so were not notified' }),
  })
  .meta({ id: 'NoteSaved' })
export type NoteSavedDto = z.infer<typeof noteSavedSchema>

export const noteListQuery = z.object({
  subjectType: subjectTypeField,
  subjectId: subjectIdField,
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})
export type NoteListQuery = z.infer<typeof noteListQuery>

export const notePageSchema = z.object({
  items: z.array(noteSchema),
  nextBefore: z.number().int().nullable(),
})

const bodyField = z
  .string()
  .max(NOTE_MAX_BYTES)
  .meta({ description: 'Formatted text (HTML from the editor); mentions as <span data-mention="<userId>">' })

export const noteCreateBody = z.object({
  subjectType: subjectTypeField,
  subjectId: z.number().int().positive(),
  body: bodyField,
})
export type NoteCreateInput = z.infer<typeof noteCreateBody>

export const noteUpdateBody = z.object({ body: bodyField })
