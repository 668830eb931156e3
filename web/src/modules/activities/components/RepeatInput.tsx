import { Checkbox, DatePicker, Flex, Input, InputNumber, Select, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { intlLocale } from '../../../ui/format.ts'
import { useFormat } from '../../../ui/use-format.ts'
import {
  hasInterval,
  NO_REPEAT,
  REPEAT_KINDS,
  type RepeatEnd,
  type RepeatKind,
  type RepeatValue,
  WEEKDAYS,
  type Weekday,
  type WorkdayPolicy,
  weekdayOf,
} from '../logic/recurrence.ts'

interface Props {
  id?: string
  value?: RepeatValue
  onChange?: (value: RepeatValue) => void
  /** The first occurrence (wall-clock), which weekly and monthly choices follow. */
  start?: Dayjs | null
}

/** An example RRULE body (the syntax is not translated). */
const RULE_EXAMPLE = 'FREQ=WEEKLY;BYDAY=MO,TH'

/** Short weekday names in the UI language, Monday first. */
function weekdayNames(language: string): string[] {
  const format = new Intl.DateTimeFormat(intlLocale(language), { weekday: 'short', timeZone: 'UTC' })
  // 5 January 2026 was a Monday.
  return WEEKDAYS.map((_, i) => format.format(new Date(Date.UTC(2026, 0, 5 + i))))
}

/**
 * How a planned activity or task repeats: daily, on working days, weekly on chosen days, monthly on the
 * start's day, on the first or last working day of the month, or any RRULE; with what happens on days
 * off and when the series ends.
 */
export function RepeatInput({ id, value = NO_REPEAT, onChange, start }: Props) {
  const { t } = useTranslation()
  const { language } = useFormat()
  const set = (patch: Partial<RepeatValue>) => onChange?.({ ...value, ...patch })
  const day = start ?? dayjs()
  const names = weekdayNames(language)
  const kindLabel = (kind: RepeatKind) =>
    kind === 'weekly'
      ? t('activities.repeat.kinds.weekly')
      : kind === 'monthly'
        ? t('activities.repeat.kinds.monthly', { day: day.date() })
        : t(`activities.repeat.kinds.${kind}`)
  const withPolicy = hasInterval(value.kind) || value.kind === 'custom'
  const unit = value.kind === 'daily' ? 'days' : value.kind === 'weekly' ? 'weeks' : 'months'

  return (
    <Flex vertical gap={8}>
      <Select<RepeatKind>
        id={id}
        value={value.kind}
        onChange={(kind) =>
          set({
            kind,
            weekdays: kind === 'weekly' && value.weekdays.length === 0 ? [weekdayOf(day)] : value.weekdays,
          })
        }
        options={REPEAT_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
      />
      {value.kind === 'weekly' && (
        <Checkbox.Group<Weekday>
          aria-label={t('activities.repeat.weekdays')}
          value={value.weekdays}
          onChange={(weekdays) => set({ weekdays })}
          options={WEEKDAYS.map((d, i) => ({ value: d, label: names[i] }))}
        />
      )}
      {value.kind === 'custom' && (
        <Input
          aria-label={t('activities.repeat.rule')}
          placeholder={RULE_EXAMPLE}
          value={value.rule}
          maxLength={500}
          onChange={(e) => set({ rule: e.target.value })}
          style={{ fontFamily: 'monospace' }}
        />
      )}
      {value.kind !== 'none' && (
        <Flex gap={8} wrap align="center">
          {hasInterval(value.kind) && (
            <InputNumber<number>
              aria-label={t('activities.repeat.interval')}
              min={1}
              max={1000}
              precision={0}
              value={value.interval}
              onChange={(interval) => set({ interval: interval ?? 1 })}
              prefix={t('activities.repeat.every')}
              suffix={t(`activities.repeat.units.${unit}`)}
              style={{ width: 190 }}
            />
          )}
          {withPolicy && (
            <Select<WorkdayPolicy>
              aria-label={t('activities.repeat.workdays')}
              value={value.workdays}
              onChange={(workdays) => set({ workdays })}
              options={(['any', 'shift_forward', 'skip'] as const).map((w) => ({
                value: w,
                label: t(`activities.repeat.workdayPolicies.${w}`),
              }))}
              style={{ minWidth: 240 }}
              popupMatchSelectWidth={false}
            />
          )}
          {value.kind !== 'custom' && (
            <>
              <Select<RepeatEnd>
                aria-label={t('activities.repeat.end')}
                value={value.end}
                onChange={(end) => set({ end })}
                options={(['never', 'count', 'until'] as const).map((e) => ({
                  value: e,
                  label: t(`activities.repeat.ends.${e}`),
                }))}
                style={{ minWidth: 150 }}
                popupMatchSelectWidth={false}
              />
              {value.end === 'count' && (
                <InputNumber<number>
                  aria-label={t('activities.repeat.count')}
                  min={1}
                  max={1000}
                  precision={0}
                  value={value.count ?? null}
                  onChange={(count) => set({ count })}
                  suffix={t('activities.repeat.times')}
                  style={{ width: 130 }}
                />
              )}
              {value.end === 'until' && (
                <DatePicker
                  aria-label={t('activities.repeat.until')}
                  format="DD.MM.YYYY"
                  value={value.until ? dayjs(value.until, 'YYYY-MM-DD') : null}
                  onChange={(d) => set({ until: d ? d.format('YYYY-MM-DD') : null })}
                  disabledDate={(d) => d.isBefore(day, 'day')}
                />
              )}
            </>
          )}
        </Flex>
      )}
      {value.kind === 'custom' && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('activities.repeat.ruleHint')}
        </Typography.Text>
      )}
    </Flex>
  )
}
