/** In-app notifications of an employee: created by other modules through `notify`, read through the API. */
export type { NewNotification } from './notifications.repository.ts'
export { notificationsRoutes } from './notifications.routes.ts'
export type { NotificationDto } from './notifications.schemas.ts'
export { notify, withdrawNotifications } from './notifications.service.ts'
