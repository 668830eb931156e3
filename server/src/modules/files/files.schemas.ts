import { z } from 'zod'

export const idParams = z.object({ id: z.coerce.number().int().positive() })

const subjectTypeField = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .meta({ description: 'The kind of record, e.g. `client`' })

export const fileSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    size: z.number().int().meta({ description: 'Bytes' }),
    mime: z.string().meta({ description: 'As the uploader declared it; downloads are always octet-stream' }),
    sha256: z.string(),
    uploader: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    noteId: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'File' })
export type FileDto = z.infer<typeof fileSchema>

export const fileListQuery = z.object({
  subjectType: subjectTypeField,
  subjectId: z.coerce.number().int().positive(),
})

export const fileListSchema = z.object({ items: z.array(fileSchema) })

/** The text fields of an upload, which must come before the file part. */
export const uploadFields = z.object({
  subjectType: subjectTypeField,
  subjectId: z.coerce.number().int().positive(),
  noteId: z.coerce.number().int().positive().optional(),
})
export type UploadFields = z.infer<typeof uploadFields>

/** The multipart form, for the API document (the server reads the parts as a stream). */
export const uploadForm = z
  .object({
    subjectType: subjectTypeField,
    subjectId: z.number().int().positive(),
    noteId: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: "Attach to this note (one of the caller's notes on the same record)" }),
    file: z.string().meta({ format: 'binary', description: 'The file; send it after the other fields' }),
  })
  .meta({ description: 'multipart/form-data; the fields before the file part' })

export const downloadResponse = {
  description: 'The bytes, always as an attachment',
  content: { 'application/octet-stream': { schema: z.unknown().meta({ type: 'string', format: 'binary' }) } },
}
