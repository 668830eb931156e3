import { DatePicker, Empty, Flex, Select, Typography } from 'antd'
import dayjs from 'dayjs'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MovementClients } from '../modules/classifiers/components/movements/MovementClients.tsx'
import {
  type MovementCell,
  MovementsMatrix,
} from '../modules/classifiers/components/movements/MovementsMatrix.tsx'
import { useClassifierName, useClassifiers } from '../modules/classifiers/hooks/use-classifiers.ts'
import {
  periodInstants,
  useMovements,
  useMovementsState,
} from '../modules/classifiers/hooks/use-movements.ts'
import { ErrorAlert } from '../ui/ErrorAlert.tsx'
import { formatZoneOffset } from '../ui/format.ts'
import { PageHeader } from '../ui/PageHeader.tsx'
import { useFormat } from '../ui/use-format.ts'

const DAY = 'YYYY-MM-DD'

/** Sales → Classifier movements: how many clients went from one node to another over a period, and which. */
export function ClassifierMovementsPage() {
  const { t } = useTranslation()
  const { timeZone } = useFormat()
  const name = useClassifierName()
  const classifiers = useClassifiers()
  const { state, update } = useMovementsState(timeZone)
  const classifier =
    classifiers.data?.find((c) => c.id === state.classifierId) ?? classifiers.data?.[0] ?? undefined
  const period = useMemo(() => periodInstants(state, timeZone), [state, timeZone])
  const movements = useMovements(classifier?.id, period)
  const [cell, setCell] = useState<MovementCell | null>(null)
  const periodKey = `${classifier?.id}:${period.from}:${period.to}`
  const [cellFor, setCellFor] = useState(periodKey)
  // A cell chosen for another classifier or period is not on screen any more.
  if (cellFor !== periodKey) {
    setCellFor(periodKey)
    setCell(null)
  }

  return (
    <>
      <PageHeader title={t('classifiers.movements.title')} subtitle={t('classifiers.movements.subtitle')} />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }}>
        <Select<number>
          aria-label={t('classifiers.movements.classifier')}
          placeholder={t('classifiers.movements.classifier')}
          loading={classifiers.isPending}
          value={classifier?.id}
          onChange={(classifierId) => update({ classifierId })}
          options={(classifiers.data ?? []).map((c) => ({ value: c.id, label: name(c) }))}
          style={{ minWidth: 240 }}
        />
        <DatePicker.RangePicker
          aria-label={t('classifiers.movements.period')}
          value={[dayjs(state.fromDate, DAY), dayjs(state.toDate, DAY)]}
          format="DD.MM.YYYY"
          allowClear={false}
          onChange={(range) => {
            const [from, to] = range ?? []
            if (from && to) update({ fromDate: from.format(DAY), toDate: to.format(DAY) })
          }}
        />
        <Typography.Text type="secondary">
          {t('classifiers.movements.zone', { zone: `${timeZone} (${formatZoneOffset(timeZone)})` })}
        </Typography.Text>
      </Flex>
      {classifiers.error && <ErrorAlert error={classifiers.error} />}
      {movements.error && <ErrorAlert error={movements.error} />}
      {classifiers.data && !classifier ? (
        <Empty description={t('classifiers.movements.noClassifiers')} />
      ) : (
        classifier && (
          <>
            <Typography.Paragraph type="secondary">{t('classifiers.movements.hint')}</Typography.Paragraph>
            <MovementsMatrix
              classifier={classifier}
              cells={movements.data?.cells ?? []}
              selected={cell}
              onSelect={setCell}
              loading={movements.isFetching}
            />
            {cell && <MovementClients classifier={classifier} period={period} cell={cell} />}
          </>
        )
      )}
    </>
  )
}
