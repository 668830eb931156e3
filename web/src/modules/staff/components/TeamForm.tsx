import type { Team, TeamCreate, TeamUpdate } from '@mmcrm/server/api-types'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Button, Form, Input } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { changedFields } from '../../../ui/changed-fields.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { staffKeys } from '../api/staff-keys.ts'
import { createTeam, updateTeam } from '../api/teams-api.ts'
import { UserSelect } from './UserSelect.tsx'

interface Values {
  name: string
  description?: string
  headId?: number | null
}

interface Props {
  team?: Team
  readOnly?: boolean
  onSaved: (team: Team) => void
  onReload?: () => void
}

/** A team's name, description and head. */
export function TeamForm({ team, readOnly, onSaved, onReload }: Props) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Values>()
  const queryClient = useQueryClient()
  const [showError, setShowError] = useState(true)

  const mutation = useMutation({
    mutationFn: async (values: Values): Promise<Team> => {
      const body: TeamCreate = {
        name: values.name,
        description: values.description ?? '',
        headId: values.headId ?? null,
      }
      if (!team) return createTeam(body)
      const patch = changedFields<TeamUpdate>(team, body)
      return Object.keys(patch).length ? updateTeam(team.id, team.version, patch) : team
    },
    onMutate: () => setShowError(true),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: staffKeys.teams })
      void queryClient.invalidateQueries({ queryKey: staffKeys.users })
      onSaved(saved)
    },
    onError: (error) => setShowError(!applyFieldErrors(form, error)),
  })

  return (
    <Form<Values>
      form={form}
      name="team"
      layout="vertical"
      initialValues={
        team ? { name: team.name, description: team.description, headId: team.headId } : undefined
      }
      disabled={readOnly || mutation.isPending}
      onFinish={(values) => mutation.mutate(values)}
    >
      {mutation.error && showError && <ErrorAlert error={mutation.error} onReload={onReload} />}
      <Form.Item name="name" label={t('teams.fields.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('teams.fields.description')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="headId" label={t('teams.fields.head')} extra={t('teams.headHint')}>
        <UserSelect selectedName={team?.head?.name} placeholder={t('teams.noHead')} disabled={readOnly} />
      </Form.Item>
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t('common.save')}
        </Button>
      )}
    </Form>
  )
}
