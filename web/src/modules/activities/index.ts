/**
 * Activities («Контакты»), tasks and reminders in the web app: the forms other modules open (planning,
 * logging and completing activities, tasks), the client's activities panel, and the query keys and hooks
 * to keep calendars and lists in step. Other modules import from here.
 */
export type {
  ActivityListParams,
  EditScope,
  Subject,
  TaskFilter,
  TaskListParams,
  TaskSort,
  TaskStatusFilter,
} from './api/activities-api.ts'
export {
  fetchActivities,
  fetchActivity,
  fetchOrganizerPeople,
  fetchTask,
  fetchTasks,
  fetchTimeline,
} from './api/activities-api.ts'
export {
  activityKeys,
  invalidateOrganizer,
  organizerKeys,
  taskKeys,
  timelineKeys,
} from './api/activity-keys.ts'
export { ActivityCard } from './components/ActivityCard.tsx'
export { ActivityFormModal, type ActivityFormModalProps } from './components/ActivityFormModal.tsx'
export type { ActivityFormDefaults } from './components/activity-form-values.ts'
export { ClientActivitiesPanel } from './components/ClientActivitiesPanel.tsx'
export { ClientActivitySummary } from './components/ClientActivitySummary.tsx'
export {
  CompleteActivityModal,
  type CompleteActivityModalProps,
} from './components/CompleteActivityModal.tsx'
export { TaskCard } from './components/TaskCard.tsx'
export { TaskFormModal, type TaskFormModalProps } from './components/TaskFormModal.tsx'
export { TypeBadge, TypeDot } from './components/TypeBadge.tsx'
export type { TaskFormDefaults } from './components/task-form-values.ts'
export {
  useActivityTypes,
  useOrganizerPeople,
  useReminderSettings,
  useTypeName,
} from './hooks/use-activity-types.ts'
export {
  useActivityActions,
  useRefreshOrganizer,
  useTaskActions,
} from './hooks/use-organizer-actions.ts'
export { useTimeline } from './hooks/use-timeline.ts'
export { proposeNextStart } from './logic/next-proposal.ts'
export { isoFromWall, wallFromIso, wallNow } from './logic/wall-time.ts'
