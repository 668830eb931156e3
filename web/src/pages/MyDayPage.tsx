import { CalendarOutlined, CheckSquareOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Col, Empty, Flex, Progress, Row, Skeleton, Typography, theme } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { useAuth } from '../app/auth/auth-context.ts'
import { AgendaActivity } from '../modules/organizer/components/AgendaActivity.tsx'
import { AgendaTask } from '../modules/organizer/components/AgendaTask.tsx'
import { DaySwitcher } from '../modules/organizer/components/DaySwitcher.tsx'
import { useMyDay } from '../modules/organizer/hooks/use-my-day.ts'
import { useOrganizerDialogs } from '../modules/organizer/hooks/use-organizer-dialogs.tsx'
import { useOrganizerLive } from '../modules/organizer/hooks/use-organizer-refresh.ts'
import { useTaskStatus } from '../modules/organizer/hooks/use-task-status.ts'
import { isIsoDate, periodTitle, todayIn } from '../modules/organizer/lib/calendar-range.ts'
import { dayActivities, dayProgress, dayTasks, overdueAgenda } from '../modules/organizer/lib/my-day.ts'
import { ErrorAlert } from '../ui/ErrorAlert.tsx'
import { zonedWallTimeToIso } from '../ui/format.ts'
import { PageHeader } from '../ui/PageHeader.tsx'
import { useFormat } from '../ui/use-format.ts'

/** The hour a new activity or task is proposed at on a day other than today. */
const PROPOSED_HOUR = 10

/**
 * «Мой день»: what is overdue (first, in red), then the day's activities by time and its tasks; each
 * completed in one click; any other day a click away; planning something new from here.
 */
export function MyDayPage() {
  const { t, i18n } = useTranslation()
  const { token } = theme.useToken()
  const { can } = useAuth()
  const format = useFormat()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const today = todayIn(format.timeZone)
  const raw = params.get('date')
  const date = isIsoDate(raw) ? raw : today
  const day = useMyDay(date)
  const dialogs = useOrganizerDialogs()
  const taskStatus = useTaskStatus()
  useOrganizerLive()
  const canWrite = can('activities.write')

  const setDate = (next: string) =>
    setParams(
      (current) => {
        const p = new URLSearchParams(current)
        if (next === today) p.delete('date')
        else p.set('date', next)
        return p
      },
      { replace: true },
    )
  // On another day, new things are proposed at a set hour of that day; today, the form picks the time.
  const proposed = date === today ? undefined : zonedWallTimeToIso(date, format.timeZone, PROPOSED_HOUR)

  const data = day.data
  const overdue = data ? overdueAgenda(data) : []
  const activities = data ? dayActivities(data) : []
  const tasks = data ? dayTasks(data) : []
  const progress = data ? dayProgress(data) : { done: 0, total: 0 }
  // The tick being saved shows at once (the list refreshes before it settles).
  const saving = (id: number) =>
    taskStatus.isPending && taskStatus.variables?.task.id === id ? taskStatus.variables.done : undefined
  const onTaskDone = (task: (typeof tasks)[number], done: boolean) => taskStatus.mutate({ task, done })

  return (
    <>
      <PageHeader
        title={t('organizer.title')}
        subtitle={periodTitle('day', date, i18n.language)}
        extra={
          <>
            <Button icon={<CalendarOutlined />} onClick={() => navigate(`/calendar?view=day&date=${date}`)}>
              {t('organizer.openCalendar')}
            </Button>
            {canWrite && (
              <>
                <Button icon={<CheckSquareOutlined />} onClick={() => dialogs.newTask({ dueAt: proposed })}>
                  {t('organizer.newTask')}
                </Button>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => dialogs.planActivity({ startsAt: proposed })}
                >
                  {t('organizer.planActivity')}
                </Button>
              </>
            )}
          </>
        }
      />
      <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 16 }}>
        <DaySwitcher date={date} today={today} onChange={setDate} />
        {progress.total > 0 && (
          <Flex align="center" gap={8} style={{ minWidth: 220 }}>
            <Typography.Text type="secondary">
              {t('organizer.progress', { done: progress.done, total: progress.total })}
            </Typography.Text>
            <Progress
              percent={Math.round((progress.done / progress.total) * 100)}
              size="small"
              showInfo={false}
              style={{ width: 120, margin: 0 }}
            />
          </Flex>
        )}
      </Flex>

      {day.error ? <ErrorAlert error={day.error} onReload={() => void day.refetch()} /> : null}
      {day.isPending ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          {overdue.length > 0 && (
            <Card
              title={
                <Typography.Text type="danger" strong>
                  {t('organizer.overdue', { n: overdue.length })}
                </Typography.Text>
              }
              size="small"
              style={{ borderColor: token.colorErrorBorder, background: token.colorErrorBg }}
              data-testid="my-day-overdue"
            >
              <Flex vertical gap={8}>
                {overdue.map((entry) =>
                  entry.kind === 'activity' ? (
                    <AgendaActivity
                      key={entry.key}
                      activity={entry.activity}
                      withDate
                      onComplete={dialogs.completeActivity}
                      onOpen={dialogs.editActivity}
                    />
                  ) : (
                    <AgendaTask
                      key={entry.key}
                      task={entry.task}
                      withDate
                      onDone={onTaskDone}
                      onOpen={dialogs.editTask}
                      saving={saving(entry.task.id)}
                    />
                  ),
                )}
              </Flex>
            </Card>
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card title={t('organizer.activities')} size="small" data-testid="my-day-activities">
                {activities.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('organizer.noActivities')} />
                ) : (
                  <Flex vertical gap={8}>
                    {activities.map((a) => (
                      <AgendaActivity
                        key={a.id}
                        activity={a}
                        onComplete={dialogs.completeActivity}
                        onOpen={dialogs.editActivity}
                      />
                    ))}
                  </Flex>
                )}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title={t('organizer.tasks')} size="small" data-testid="my-day-tasks">
                {tasks.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('organizer.noTasks')} />
                ) : (
                  <Flex vertical gap={8}>
                    {tasks.map((task) => (
                      <AgendaTask
                        key={task.id}
                        task={task}
                        onDone={onTaskDone}
                        onOpen={dialogs.editTask}
                        saving={saving(task.id)}
                      />
                    ))}
                  </Flex>
                )}
              </Card>
            </Col>
          </Row>
        </Flex>
      )}
      {dialogs.element}
    </>
  )
}
