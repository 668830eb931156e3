import { CalendarOutlined, CheckSquareOutlined, FormOutlined } from '@ant-design/icons'
import type { Activity, Task, TimelineEntry } from '@mmcrm/server/api-types'
import { Button, Empty, Flex, Skeleton, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth/auth-context.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { useTimeline } from '../hooks/use-timeline.ts'
import { ActivityCard } from './ActivityCard.tsx'
import { ActivityFormModal } from './ActivityFormModal.tsx'
import type { ActivityFormDefaults } from './activity-form-values.ts'
import { CompleteActivityModal } from './CompleteActivityModal.tsx'
import { TaskCard } from './TaskCard.tsx'
import { TaskFormModal } from './TaskFormModal.tsx'

interface Props {
  client: { id: number; name: string }
  /** Plan, log and change activities and tasks (`activities.write`, the client not in the trash). */
  canWrite?: boolean
}

type ActivityForm = { activity?: Activity; defaults?: ActivityFormDefaults } | null
type TaskForm = { task?: Task } | null

function entryKey(e: TimelineEntry): string {
  return `${e.kind}-${e.activity?.id ?? e.task?.id}`
}

/**
 * A client's activities and tasks: what is coming (planned activities and open tasks, overdue first and
 * marked), with one-click completion; then what happened, newest first, a page at a time.
 */
export function ClientActivitiesPanel({ client, canWrite: canWriteProp }: Props) {
  const { t } = useTranslation()
  const { can } = useAuth()
  const canWrite = (canWriteProp ?? true) && can('activities.write')
  const subject = { type: 'client', id: client.id }
  const timeline = useTimeline(subject)
  const [activityForm, setActivityForm] = useState<ActivityForm>(null)
  const [taskForm, setTaskForm] = useState<TaskForm>(null)
  const [completing, setCompleting] = useState<Activity | null>(null)
  const base = { subjectType: 'client', subjectId: client.id, clientName: client.name }

  const render = (e: TimelineEntry) =>
    e.activity ? (
      <ActivityCard
        key={entryKey(e)}
        activity={e.activity}
        onComplete={canWrite ? setCompleting : undefined}
        onEdit={canWrite ? (activity) => setActivityForm({ activity }) : undefined}
      />
    ) : e.task ? (
      <TaskCard key={entryKey(e)} task={e.task} onOpen={(task) => setTaskForm({ task })} />
    ) : null

  const pages = timeline.data?.pages ?? []
  const upcoming = pages[0]?.upcoming ?? []
  const history = pages.flatMap((p) => p.items)

  return (
    <Flex vertical gap={16} data-testid="client-activities">
      {canWrite && (
        <Flex gap={8} wrap>
          <Button
            type="primary"
            icon={<CalendarOutlined />}
            onClick={() => setActivityForm({ defaults: { ...base, status: 'planned' } })}
          >
            {t('activities.actions.plan')}
          </Button>
          <Button
            icon={<FormOutlined />}
            onClick={() => setActivityForm({ defaults: { ...base, status: 'done' } })}
          >
            {t('activities.actions.log')}
          </Button>
          <Button icon={<CheckSquareOutlined />} onClick={() => setTaskForm({})}>
            {t('tasks.actions.create')}
          </Button>
        </Flex>
      )}
      {timeline.error && <ErrorAlert error={timeline.error} />}
      {timeline.isPending ? (
        <Skeleton active />
      ) : (
        <>
          <section aria-labelledby="client-activities-upcoming">
            <Typography.Title level={5} id="client-activities-upcoming">
              {t('activities.timeline.upcoming')}
            </Typography.Title>
            {upcoming.length ? (
              <Flex vertical gap={8}>
                {upcoming.map(render)}
              </Flex>
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('activities.timeline.nothingPlanned')}
              />
            )}
          </section>
          <section aria-labelledby="client-activities-history">
            <Typography.Title level={5} id="client-activities-history">
              {t('activities.timeline.history')}
            </Typography.Title>
            {history.length ? (
              <Flex vertical gap={8}>
                {history.map(render)}
              </Flex>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('activities.timeline.noHistory')} />
            )}
            {timeline.hasNextPage && (
              <Flex justify="center" style={{ marginTop: 12 }}>
                <Button onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
                  {t('activities.timeline.more')}
                </Button>
              </Flex>
            )}
          </section>
        </>
      )}
      <ActivityFormModal
        open={activityForm !== null}
        activity={activityForm?.activity}
        defaults={activityForm?.defaults}
        onClose={() => setActivityForm(null)}
      />
      <TaskFormModal
        open={taskForm !== null}
        task={taskForm?.task}
        defaults={taskForm?.task ? undefined : base}
        onClose={() => setTaskForm(null)}
      />
      <CompleteActivityModal activity={completing} onClose={() => setCompleting(null)} />
    </Flex>
  )
}
