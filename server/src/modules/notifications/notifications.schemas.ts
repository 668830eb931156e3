import { z } from 'zod'

const refSchema = z.object({ id: z.number().int(), name: z.string() })

export const notificationSchema = z
  .object({
    id: z.number().int(),
    type: z.string().meta({ description: '`mention` now; reminders and escalations later' }),
    subjectType: z.string().nullable(),
    subjectId: z.number().int().nullable(),
    actor: refSchema.nullable(),
    payload: z
      .record(z.string(), z.unknown())
      .meta({ description: 'Depends on the type; a mention has noteId, excerpt, subjectTitle, path' }),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' })
export type NotificationDto = z.infer<typeof notificationSchema>

export const notificationListQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
})
export type NotificationListQuery = z.infer<typeof notificationListQuery>

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  nextBefore: z.number().int().nullable(),
})

export const unreadCountSchema = z.object({ count: z.number().int() })

export const markReadBody = z.object({
  ids: z.array(z.number().int().positive()).max(500).optional(),
  all: z.boolean().optional(),
})
export type MarkReadInput = z.infer<typeof markReadBody>

/** Real-time events of this module (`GET /api/events`): a new notification, and notifications marked read. */
export const NOTIFICATION_EVENT = 'notification'
export const NOTIFICATIONS_READ_EVENT = 'notifications.read'

/** The data of a `notification` event: the new notification's id (pages fetch its text). */
export interface NotificationEventData {
  id: number
}
