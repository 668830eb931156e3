import type { ActivityOutcome } from '@mmcrm/server/api-types'
import { Radio, Select, Tag, theme } from 'antd'
import { useTranslation } from 'react-i18next'

/** How an outcome's result is coloured: good green, bad red, neutral plain. */
export const RESULT_COLORS: Record<string, string | undefined> = {
  positive: 'green',
  neutral: undefined,
  negative: 'red',
}

/** An activity's outcome as a tag in its result's colour. */
export function OutcomeTag({ outcome }: { outcome: { name: string; result: string } }) {
  return <Tag color={RESULT_COLORS[outcome.result]}>{outcome.name}</Tag>
}

interface Props {
  id?: string
  value?: number | null
  onChange?: (value: number | null) => void
  /** The type's outcomes; only active ones are offered, besides the one already chosen. */
  outcomes: ActivityOutcome[]
}

const AS_BUTTONS = 6

/** The outcome of an activity: a click on one of a few, or a search among many. */
export function OutcomeInput({ id, value, onChange, outcomes }: Props) {
  const { t, i18n } = useTranslation()
  const { token } = theme.useToken()
  const name = (o: ActivityOutcome) => (i18n.language === 'ru' ? o.nameRu : o.nameEn)
  const color = (result: string) =>
    result === 'positive' ? token.colorSuccessText : result === 'negative' ? token.colorErrorText : undefined
  const offered = outcomes.filter((o) => o.isActive || o.id === value)
  if (offered.length === 0) return <Tag>{t('activities.outcome.none')}</Tag>
  if (offered.length <= AS_BUTTONS)
    return (
      <Radio.Group
        id={id}
        value={value ?? null}
        onChange={(e) => onChange?.(e.target.value as number | null)}
        optionType="button"
        options={offered.map((o) => ({
          value: o.id,
          label: <span style={{ color: color(o.result) }}>{name(o)}</span>,
        }))}
      />
    )
  return (
    <Select<number>
      id={id}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      allowClear
      showSearch={{ optionFilterProp: 'title' }}
      options={offered.map((o) => ({
        value: o.id,
        title: name(o),
        label: <OutcomeTag outcome={{ name: name(o), result: o.result }} />,
      }))}
    />
  )
}
