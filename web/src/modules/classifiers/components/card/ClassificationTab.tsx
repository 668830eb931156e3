import { Col, Row, Skeleton } from 'antd'
import { ErrorAlert } from '../../../../ui/ErrorAlert.tsx'
import { useClassifiers } from '../../hooks/use-classifiers.ts'
import { ClassificationAsOf } from './ClassificationAsOf.tsx'
import { ClassificationHistory } from './ClassificationHistory.tsx'
import { ClassificationPanel } from './ClassificationPanel.tsx'

interface Props {
  clientId: number
  version: number
  canWrite: boolean
  onSaved: (version: number) => void
  onReload: () => void
}

/** A client's classification on the card: now (editable), its history, and as of a past day. */
export function ClassificationTab({ clientId, version, canWrite, onSaved, onReload }: Props) {
  const classifiers = useClassifiers()
  if (classifiers.error && !classifiers.data) return <ErrorAlert error={classifiers.error} />
  if (!classifiers.data) return <Skeleton active />
  const list = classifiers.data
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <ClassificationPanel
          clientId={clientId}
          version={version}
          classifiers={list}
          canWrite={canWrite}
          onSaved={onSaved}
          onReload={onReload}
        />
      </Col>
      <Col xs={24} xl={10}>
        <ClassificationAsOf clientId={clientId} classifiers={list} />
      </Col>
      <Col span={24}>
        <ClassificationHistory clientId={clientId} classifiers={list} />
      </Col>
    </Row>
  )
}
