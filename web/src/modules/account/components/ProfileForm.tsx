import type { Me, MeUpdate } from '@mmcrm/server/api-types'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { App, Button, Col, Divider, Form, Input, Radio, Row, Select } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../../../app/auth/auth-context.ts'
import { LANGUAGES } from '../../../app/i18n/i18n.ts'
import { THEME_MODES } from '../../../app/preferences/theme.ts'
import { applyFieldErrors } from '../../../ui/apply-field-errors.ts'
import { changedFields } from '../../../ui/changed-fields.ts'
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx'
import { TimeZoneSelect } from '../../../ui/TimeZoneSelect.tsx'
import { accountKeys, fetchMe, updateMe } from '../api/account-api.ts'

type Values = Required<Pick<MeUpdate, 'name' | 'phone' | 'position' | 'locale' | 'theme' | 'timeZone'>>

function valuesOf(me: Me): Values {
  return {
    name: me.name,
    phone: me.phone,
    position: me.position,
    locale: me.locale,
    theme: me.theme,
    timeZone: me.timeZone,
  }
}

const PERSONAL = ['name', 'phone', 'position', 'timeZone'] as const

/** The employee's own data and preferences, saved with the version they were loaded at. */
export function ProfileForm() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { me, setMe } = useAuth()
  const queryClient = useQueryClient()
  const [form] = Form.useForm<Values>()
  const [base, setBase] = useState<Me | null>(me)
  const [showError, setShowError] = useState(true)

  useEffect(() => {
    // Language or theme switched in the header is the employee's own change: follow it, keep the edits.
    if (!me || !base || me.version === base.version) return
    if (PERSONAL.every((key) => me[key] === base[key])) {
      form.setFieldsValue({ locale: me.locale, theme: me.theme })
      setBase(me)
    }
  }, [me, base, form])

  const mutation = useMutation({
    mutationFn: async (values: Values): Promise<Me> => {
      if (!base) throw new Error('no session')
      const patch = changedFields<MeUpdate>(base, values)
      return Object.keys(patch).length ? updateMe(base.version, patch) : base
    },
    onMutate: () => setShowError(true),
    onSuccess: (saved) => {
      setMe(saved)
      setBase(saved)
      form.setFieldsValue(valuesOf(saved))
      message.success(t('common.saved'))
    },
    onError: (error) => setShowError(!applyFieldErrors(form, error)),
  })

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ queryKey: accountKeys.me, queryFn: fetchMe, staleTime: 0 })
    if (!fresh) return
    setMe(fresh)
    setBase(fresh)
    form.setFieldsValue(valuesOf(fresh))
    mutation.reset()
  }

  if (!base) return null
  return (
    <Form<Values>
      form={form}
      name="profile"
      layout="vertical"
      initialValues={valuesOf(base)}
      disabled={mutation.isPending}
      onFinish={(values) => mutation.mutate(values)}
    >
      {mutation.error && showError && <ErrorAlert error={mutation.error} onReload={() => void reload()} />}
      <Form.Item
        name="name"
        label={t('employees.fields.name')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={200} autoComplete="name" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="position" label={t('employees.fields.position')}>
            <Input maxLength={200} autoComplete="organization-title" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="phone" label={t('employees.fields.phone')}>
            <Input maxLength={32} inputMode="tel" autoComplete="tel" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('profile.preferences')}</Divider>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="locale" label={t('employees.fields.locale')}>
            <Select options={LANGUAGES.map((lng) => ({ value: lng, label: t(`languages.${lng}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="timeZone" label={t('employees.fields.timeZone')} rules={[{ required: true }]}>
            <TimeZoneSelect />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="theme" label={t('profile.theme')}>
        <Radio.Group
          optionType="button"
          options={THEME_MODES.map((mode) => ({ value: mode, label: t(`themes.${mode}`) }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  )
}
