import { Button, Flex, Skeleton, Steps } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { currentStep, IMPORT_STEPS, type ImportStep, isStarted } from '../api/import-steps.ts'
import { type Import, updateImport } from '../api/imports-api.ts'
import { useImport, useImportRefresh } from '../hooks/use-imports.ts'
import { CheckStep } from './CheckStep.tsx'
import { FileSummary } from './FileSummary.tsx'
import { MappingStep } from './MappingStep.tsx'
import { RunStep } from './RunStep.tsx'
import { SettingsStep } from './SettingsStep.tsx'

interface Props {
  id: number
  /** The step the address bar asks for. */
  asked: string | null
  onStep: (step: ImportStep) => void
  /** Starts over with another file. */
  onRestart: () => void
}

/** An uploaded file through the wizard: its step follows the address bar and the import's own state. */
export function ImportWizard({ id, asked, onStep, onRestart }: Props) {
  const { t } = useTranslation()
  const query = useImport(id)
  const refresh = useImportRefresh()
  const [sheetError, setSheetError] = useState<unknown>(null)
  const [sheetBusy, setSheetBusy] = useState(false)
  const item = query.data

  if (query.error) return <ErrorAlert error={query.error} />
  if (!item) return <Skeleton active />

  const step = currentStep(item.status, asked)
  const index = IMPORT_STEPS.indexOf(step)
  const locked = isStarted(item.status) || item.status === 'checking'
  const reload = () => void query.refetch()
  const saved = (next: Import, to: ImportStep) => {
    refresh(id, next)
    onStep(to)
  }
  const chooseSheet = async (sheet: string) => {
    setSheetError(null)
    setSheetBusy(true)
    try {
      refresh(id, await updateImport(id, item.version, { sheet }))
    } catch (e) {
      setSheetError(e)
    } finally {
      setSheetBusy(false)
    }
  }

  return (
    <>
      <Steps
        current={index}
        onChange={(i) => {
          const to = IMPORT_STEPS[i]
          if (to && !locked && i < index) onStep(to)
        }}
        items={IMPORT_STEPS.map((s, i) => ({
          title: t(`imports.steps.${s}`),
          disabled: locked || i >= index,
        }))}
        style={{ marginBottom: 24 }}
        data-testid="import-steps"
      />
      {step !== 'run' && (
        <FileSummary
          item={item}
          onSheet={step === 'upload' ? (s) => void chooseSheet(s) : undefined}
          busy={sheetBusy}
        />
      )}
      {step === 'upload' && (
        <>
          <ErrorAlert error={sheetError} onReload={reload} />
          <Flex justify="flex-end" gap={8}>
            <Button onClick={onRestart}>{t('imports.upload.another')}</Button>
            <Button type="primary" onClick={() => onStep('mapping')} data-testid="import-next">
              {t('imports.next')}
            </Button>
          </Flex>
        </>
      )}
      {step === 'mapping' && (
        <MappingStep
          item={item}
          onBack={() => onStep('upload')}
          onSaved={(next) => saved(next, 'settings')}
          onReload={reload}
        />
      )}
      {step === 'settings' && (
        <SettingsStep
          item={item}
          onBack={() => onStep('mapping')}
          onChecking={(next) => {
            refresh(id, next ?? undefined)
            onStep('check')
          }}
          onReload={reload}
        />
      )}
      {step === 'check' && (
        <CheckStep
          item={item}
          onBack={() => onStep('settings')}
          onRefresh={(fresh) => refresh(id, fresh)}
          onStarted={() => {
            refresh(id)
            onStep('run')
          }}
        />
      )}
      {step === 'run' && <RunStep item={item} onRefresh={() => refresh(id)} />}
    </>
  )
}
