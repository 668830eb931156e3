import { LeftOutlined, RightOutlined } from '@ant-design/icons'
import { Button, Flex, Segmented, Space, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { CALENDAR_VIEWS, type CalendarView, periodTitle, stepDate } from '../lib/calendar-range.ts'

interface Props {
  view: CalendarView
  date: string
  today: string
  onChange: (patch: { view?: CalendarView; date?: string }) => void
  /** More controls on the right (people, legend…). */
  extra?: ReactNode
}

/** Back, today, forward; the period shown; day, week or month. */
export function CalendarToolbar({ view, date, today, onChange, extra }: Props) {
  const { t, i18n } = useTranslation()
  return (
    <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
      <Flex align="center" gap={12} wrap>
        <Space.Compact>
          <Button
            icon={<LeftOutlined />}
            aria-label={t(`calendar.prev.${view}`)}
            title={t(`calendar.prev.${view}`)}
            onClick={() => onChange({ date: stepDate(view, date, -1) })}
          />
          <Button onClick={() => onChange({ date: today })} disabled={date === today}>
            {t('calendar.today')}
          </Button>
          <Button
            icon={<RightOutlined />}
            aria-label={t(`calendar.next.${view}`)}
            title={t(`calendar.next.${view}`)}
            onClick={() => onChange({ date: stepDate(view, date, 1) })}
          />
        </Space.Compact>
        <Typography.Title level={4} style={{ margin: 0 }} aria-live="polite">
          {periodTitle(view, date, i18n.language)}
        </Typography.Title>
      </Flex>
      <Flex align="center" gap={8} wrap>
        {extra}
        <Segmented<CalendarView>
          value={view}
          onChange={(next) => onChange({ view: next })}
          options={CALENDAR_VIEWS.map((v) => ({ value: v, label: t(`calendar.views.${v}`) }))}
        />
      </Flex>
    </Flex>
  )
}
