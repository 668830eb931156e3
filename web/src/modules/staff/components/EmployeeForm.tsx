import type { User, UserCreate, UserUpdate } from '@mmcrm/server/api-types'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Button, Col, Form, Input, Row, Select, Switch } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGES } from '../../../app/i18n/i18n.ts'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { changedFields } from '../../../ui/changed-fields.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { TimeZoneSelect } from '../../../ui/TimeZoneSelect.tsx'
import { accountKeys, fetchMeta } from '../../account/api/account-api.ts'
import { staffKeys } from '../api/staff-keys.ts'
import { createUser, updateUser } from '../api/users-api.ts'
import { useRoles, useTeams } from '../hooks/use-staff-queries.ts'

interface Values {
  email: string
  name: string
  position?: string
  phone?: string
  roleId: number
  teamId?: number | null
  password?: string
  locale: 'ru' | 'en'
  timeZone: string
  isActive?: boolean
}

interface Props {
  /** The employee being changed; none when adding one. */
  user?: User
  readOnly?: boolean
  onSaved: (user: User) => void
  onReload?: () => void
}

function toUpdate(user: User, values: Values): UserUpdate {
  return changedFields<UserUpdate>(user, {
    email: values.email,
    name: values.name,
    position: values.position ?? '',
    phone: values.phone ?? '',
    roleId: values.roleId,
    teamId: values.teamId ?? null,
    locale: values.locale,
    timeZone: values.timeZone,
    isActive: values.isActive,
  })
}

/** Adding or changing an employee: contact data, role, team, language, time zone, activity. */
export function EmployeeForm({ user, readOnly, onSaved, onReload }: Props) {
  const { t, i18n } = useTranslation()
  const [form] = Form.useForm<Values>()
  const queryClient = useQueryClient()
  const roles = useRoles()
  const teams = useTeams()
  const meta = useQuery({
    queryKey: accountKeys.meta,
    queryFn: fetchMeta,
    staleTime: Number.POSITIVE_INFINITY,
  })
  const [showError, setShowError] = useState(true)

  const mutation = useMutation({
    mutationFn: async (values: Values): Promise<User> => {
      if (user) {
        const patch = toUpdate(user, values)
        return Object.keys(patch).length ? updateUser(user.id, user.version, patch) : user
      }
      const body: UserCreate = {
        email: values.email,
        name: values.name,
        position: values.position ?? '',
        phone: values.phone ?? '',
        password: values.password ?? '',
        roleId: values.roleId,
        teamId: values.teamId ?? null,
        locale: values.locale,
        timeZone: values.timeZone,
      }
      return createUser(body)
    },
    onMutate: () => setShowError(true),
    onSuccess: (saved) => {
      queryClient.setQueryData(staffKeys.user(saved.id), saved)
      void queryClient.invalidateQueries({ queryKey: staffKeys.users })
      void queryClient.invalidateQueries({ queryKey: staffKeys.teams })
      void queryClient.invalidateQueries({ queryKey: staffKeys.roles })
      onSaved(saved)
    },
    onError: (error) => setShowError(!applyFieldErrors(form, error)),
  })

  if (!user && meta.isPending) return null
  const initialValues: Partial<Values> = user
    ? { ...user, teamId: user.teamId ?? undefined }
    : {
        locale: meta.data?.defaultLocale ?? (i18n.language === 'en' ? 'en' : 'ru'),
        timeZone: meta.data?.defaultTimeZone ?? 'Europe/Moscow',
      }

  return (
    <Form<Values>
      form={form}
      name="user"
      layout="vertical"
      initialValues={initialValues}
      disabled={readOnly || mutation.isPending}
      onFinish={(values) => mutation.mutate(values)}
    >
      {mutation.error && showError && <ErrorAlert error={mutation.error} onReload={onReload} />}
      <Form.Item
        name="name"
        label={t('employees.fields.name')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('employees.fields.email')}
        rules={[{ required: true }, { type: 'email' }]}
      >
        <Input maxLength={320} autoComplete="off" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="position" label={t('employees.fields.position')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="phone" label={t('employees.fields.phone')}>
            <Input maxLength={32} inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="roleId" label={t('employees.fields.role')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={roles.isPending}
              options={roles.data?.map((r) => ({ value: r.id, label: r.name }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="teamId" label={t('employees.fields.team')}>
            <Select
              allowClear
              placeholder={t('employees.noTeam')}
              showSearch={{ optionFilterProp: 'label' }}
              loading={teams.isPending}
              options={teams.data?.map((team) => ({ value: team.id, label: team.name }))}
            />
          </Form.Item>
        </Col>
      </Row>
      {!user && (
        <Form.Item
          name="password"
          label={t('employees.fields.initialPassword')}
          extra={t('employees.passwordHint')}
          rules={[{ required: true }]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="locale" label={t('employees.fields.locale')} rules={[{ required: true }]}>
            <Select options={LANGUAGES.map((lng) => ({ value: lng, label: t(`languages.${lng}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="timeZone" label={t('employees.fields.timeZone')} rules={[{ required: true }]}>
            <TimeZoneSelect />
          </Form.Item>
        </Col>
      </Row>
      {user && (
        <Form.Item
          name="isActive"
          label={t('employees.fields.isActive')}
          valuePropName="checked"
          extra={t('employees.isActiveHint')}
        >
          <Switch />
        </Form.Item>
      )}
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t('common.save')}
        </Button>
      )}
    </Form>
  )
}
