/** In-app notifications of an employee: created by other modules through `notify`, read through the API. */
export type { NewNotification } from './notifications.repository.ts'
export { notificationsRoutes } from './notifications.routes.ts'
export {
  NOTIFICATION_EVENT,
  NOTIFICATIONS_READ_EVENT,
  type NotificationDto,
  type NotificationEventData,
} from './notifications.schemas.ts'
export { notify, notifyMany, withdrawNotifications } from './notifications.service.ts'
