import { App, Button, Flex } from 'antd'
import { type MouseEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dismissReminder, snoozeReminder } from '../api/organizer-api.ts'
import { useOrganizerErrors } from '../hooks/use-organizer-errors.ts'
import { SNOOZE_MINUTES, snoozeSpan } from '../lib/reminder-message.ts'

interface Props {
  reminderId: number
  /** After a snooze or a dismissal went through (the pop-up closes, the notification is read). */
  onHandled: () => void
  onOpen: () => void
}

/** A reminder pop-up's buttons: snooze 10 minutes or an hour, dismiss, open. */
export function ReminderActions({ reminderId, onHandled, onOpen }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const failed = useOrganizerErrors()
  const [busy, setBusy] = useState<string | null>(null)

  const run = async (key: string, action: () => Promise<void>, done: string) => {
    setBusy(key)
    try {
      await action()
      message.success(done)
      onHandled()
    } catch (error) {
      failed(error)
    } finally {
      setBusy(null)
    }
  }
  // The pop-up itself opens the notification when clicked: the buttons do their own thing only.
  const stop = (e: MouseEvent) => e.stopPropagation()

  return (
    <Flex gap={6} wrap onClick={stop}>
      {SNOOZE_MINUTES.map((minutes) => {
        const span = snoozeSpan(minutes)
        return (
          <Button
            key={minutes}
            size="small"
            loading={busy === `snooze-${minutes}`}
            disabled={busy !== null}
            onClick={() =>
              run(
                `snooze-${minutes}`,
                () => snoozeReminder(reminderId, minutes),
                t(`reminders.snoozed.${span.unit}`, { n: span.n }),
              )
            }
          >
            {t(`reminders.snooze.${span.unit}`, { n: span.n })}
          </Button>
        )
      })}
      <Button
        size="small"
        loading={busy === 'dismiss'}
        disabled={busy !== null}
        onClick={() => run('dismiss', () => dismissReminder(reminderId), t('reminders.dismissed'))}
      >
        {t('reminders.dismiss')}
      </Button>
      <Button size="small" type="primary" disabled={busy !== null} onClick={onOpen}>
        {t('reminders.open')}
      </Button>
    </Flex>
  )
}
