import { type ReactNode, useState } from 'react'
import {
  type ActivityFormDefaults,
  ActivityFormModal,
  CompleteActivityModal,
  type TaskFormDefaults,
  TaskFormModal,
} from '../../activities/index.ts'
import type { Activity, Task } from '../api/organizer-api.ts'

type Dialog =
  | { kind: 'activity'; activity?: Activity; defaults?: ActivityFormDefaults }
  | { kind: 'task'; task?: Task; defaults?: TaskFormDefaults }
  | { kind: 'complete'; activity: Activity }

export interface OrganizerDialogs {
  planActivity: (defaults?: ActivityFormDefaults) => void
  editActivity: (activity: Activity) => void
  completeActivity: (activity: Activity) => void
  newTask: (defaults?: TaskFormDefaults) => void
  editTask: (task: Task) => void
  /** Render once on the page. */
  element: ReactNode
}

/** The activities module's forms (plan, edit, complete an activity; add, edit a task), one at a time. */
export function useOrganizerDialogs(): OrganizerDialogs {
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const close = () => setDialog(null)
  const element = (
    <>
      <ActivityFormModal
        open={dialog?.kind === 'activity'}
        onClose={close}
        activity={dialog?.kind === 'activity' ? dialog.activity : undefined}
        defaults={dialog?.kind === 'activity' ? dialog.defaults : undefined}
      />
      <TaskFormModal
        open={dialog?.kind === 'task'}
        onClose={close}
        task={dialog?.kind === 'task' ? dialog.task : undefined}
        defaults={dialog?.kind === 'task' ? dialog.defaults : undefined}
      />
      <CompleteActivityModal
        activity={dialog?.kind === 'complete' ? dialog.activity : null}
        onClose={close}
      />
    </>
  )
  return {
    planActivity: (defaults) => setDialog({ kind: 'activity', defaults }),
    editActivity: (activity) => setDialog({ kind: 'activity', activity }),
    completeActivity: (activity) => setDialog({ kind: 'complete', activity }),
    newTask: (defaults) => setDialog({ kind: 'task', defaults }),
    editTask: (task) => setDialog({ kind: 'task', task }),
    element,
  }
}
