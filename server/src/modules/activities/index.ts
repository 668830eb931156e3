import './rule-variables.ts'

export { moveClientWork } from './activities.repository.ts'
export { activitiesRoutes } from './activities.routes.ts'
export {
  type ActivitiesContext,
  extendActivitySeries,
} from './activities.service.ts'
export { ESCALATION_JOB, escalateOverdue } from './escalation.ts'
export {
  dispatchDueReminders,
  REMINDERS_DISPATCH_JOB,
  REMINDERS_TICK_MS,
} from './reminders.dispatch.ts'
export { remindersRoutes } from './reminders.routes.ts'
export {
  DEFAULT_REMINDER_SETTINGS,
  type ReminderSettings,
  reminderSettingsOf,
  syncReminders,
} from './reminders.sync.ts'
export { extendAllSeries, SERIES_JOB } from './series.ts'
export { SERIES_HORIZON_DAYS } from './series-window.ts'
export { extendTaskSeries } from './tasks.service.ts'
