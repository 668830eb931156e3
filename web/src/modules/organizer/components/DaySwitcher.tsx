import { LeftOutlined, RightOutlined } from '@ant-design/icons'
import { Button, DatePicker, Space } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { addDays } from '../lib/calendar-range.ts'

interface Props {
  date: string
  today: string
  onChange: (date: string) => void
}

/** The previous day, today, the next day, or any day from a picker. */
export function DaySwitcher({ date, today, onChange }: Props) {
  const { t } = useTranslation()
  return (
    <Space.Compact>
      <Button
        icon={<LeftOutlined />}
        onClick={() => onChange(addDays(date, -1))}
        aria-label={t('calendar.prev.day')}
        title={t('calendar.prev.day')}
      />
      <Button onClick={() => onChange(today)} disabled={date === today}>
        {t('calendar.today')}
      </Button>
      <DatePicker
        value={dayjs(date)}
        allowClear={false}
        format="DD.MM.YYYY"
        onChange={(value) => value && onChange(value.format('YYYY-MM-DD'))}
        aria-label={t('organizer.pickDate')}
        style={{ width: 130 }}
      />
      <Button
        icon={<RightOutlined />}
        onClick={() => onChange(addDays(date, 1))}
        aria-label={t('calendar.next.day')}
        title={t('calendar.next.day')}
      />
    </Space.Compact>
  )
}
