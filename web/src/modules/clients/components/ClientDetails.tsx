import { StarFilled } from '@ant-design/icons'
import type { ClientBankAccount, ClientCard, ClientChannel, CustomField } from '@mmcrm/server/api-types'
import {
  Card,
  Col,
  Descriptions,
  type DescriptionsProps,
  Empty,
  Flex,
  Grid,
  Row,
  Table,
  Tag,
  Typography,
} from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../ui/use-format.ts'
import { CustomFieldValue } from '../../custom-fields/components/CustomFieldValue.tsx'
import { fieldsForKind, useCustomFieldLabel } from '../../custom-fields/hooks/use-custom-fields.ts'
import { CHANNEL_LABELS, isClientSize, legalFormLabel, SIZE_LABELS } from './client-labels.ts'

interface Props {
  client: ClientCard
  defs: CustomField[] | undefined
}

function webLink(value: string): string | null {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function ChannelLink({ channel }: { channel: ClientChannel }) {
  if (channel.type === 'phone')
    return <a href={`tel:${channel.normalized || channel.value}`}>{channel.value}</a>
  if (channel.type === 'email')
    return <a href={`mailto:${channel.normalized || channel.value}`}>{channel.value}</a>
  return <Typography.Text copyable>{channel.value}</Typography.Text>
}

/** Everything the dossier holds, to read: requisites, addresses, contacts, bank accounts, custom fields. */
export function ClientDetails({ client, defs }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const fieldLabel = useCustomFieldLabel()
  // On a phone, labels above values: two narrow columns side by side do not fit.
  const layout = Grid.useBreakpoint().md === false ? 'vertical' : 'horizontal'
  const empty = <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
  const text = (value: string | null | undefined): ReactNode => (value ? value : empty)
  const multiline = (value: string) =>
    value ? <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span> : empty
  const org = client.kind === 'organization'
  const website = client.website ? webLink(client.website) : null
  const legalForm = legalFormLabel(client.legalForm)

  const items: DescriptionsProps['items'] = org
    ? [
        {
          key: 'fullName',
          label: t('clients.fields.fullName'),
          children: text(client.fullName),
          span: 'filled',
        },
        {
          key: 'legalForm',
          label: t('clients.fields.legalForm'),
          children: legalForm ? t(legalForm) : text(client.legalForm),
        },
        {
          key: 'inn',
          label: client.isForeign ? t('clients.fields.foreignTaxId') : t('clients.fields.inn'),
          children: client.inn ? <Typography.Text copyable>{client.inn}</Typography.Text> : empty,
        },
        ...(client.legalForm === 'ИП' || client.isForeign
          ? []
          : [{ key: 'kpp', label: t('clients.fields.kpp'), children: text(client.kpp) }]),
        ...(client.isForeign
          ? []
          : [
              {
                key: 'ogrn',
                label: client.legalForm === 'ИП' ? t('clients.fields.ogrnip') : t('clients.fields.ogrn'),
                children: text(client.ogrn),
              },
            ]),
        { key: 'industry', label: t('clients.fields.industry'), children: text(client.industry) },
        {
          key: 'size',
          label: t('clients.fields.size'),
          children: isClientSize(client.size) ? t(SIZE_LABELS[client.size]) : text(client.size),
        },
        {
          key: 'website',
          label: t('clients.fields.website'),
          children: website ? (
            <a href={website} target="_blank" rel="noopener noreferrer">
              {client.website}
            </a>
          ) : (
            text(client.website)
          ),
        },
        { key: 'source', label: t('clients.fields.source'), children: text(client.source) },
        {
          key: 'legalAddress',
          label: t('clients.fields.legalAddress'),
          children: text(client.legalAddress),
          span: 'filled',
        },
        {
          key: 'postalAddress',
          label: t('clients.fields.postalAddress'),
          children: text(client.postalAddress),
          span: 'filled',
        },
      ]
    : [
        { key: 'lastName', label: t('clients.fields.lastName'), children: text(client.lastName) },
        { key: 'firstName', label: t('clients.fields.firstName'), children: text(client.firstName) },
        { key: 'middleName', label: t('clients.fields.middleName'), children: text(client.middleName) },
        {
          key: 'birthDate',
          label: t('clients.fields.birthDate'),
          children: client.birthDate ? format.calendarDate(client.birthDate) : empty,
        },
        {
          key: 'inn',
          label: t('clients.fields.inn'),
          children: client.inn ? <Typography.Text copyable>{client.inn}</Typography.Text> : empty,
        },
        { key: 'source', label: t('clients.fields.source'), children: text(client.source) },
        {
          key: 'address',
          label: t('clients.fields.address'),
          children: text(client.legalAddress),
          span: 'filled',
        },
      ]

  const kindDefs = fieldsForKind(defs, client.kind)

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card size="small" title={org ? t('clients.sections.requisites') : t('clients.sections.main')}>
          <Descriptions size="small" bordered layout={layout} column={{ xs: 1, md: 2 }} items={items} />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('clients.sections.contacts')}>
          {client.channels.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clients.noContacts')} />
          ) : (
            <Flex vertical gap={6}>
              {client.channels.map((channel) => (
                <Flex key={channel.id} gap={8} align="baseline" wrap>
                  <Typography.Text type="secondary" style={{ minWidth: 110 }}>
                    {t(CHANNEL_LABELS[channel.type])}
                  </Typography.Text>
                  <ChannelLink channel={channel} />
                  {channel.label && <Tag>{channel.label}</Tag>}
                  {channel.isPrimary && (
                    <StarFilled style={{ color: '#faad14' }} aria-label={t('clients.primary')} />
                  )}
                </Flex>
              ))}
            </Flex>
          )}
        </Card>
      </Col>
      {org && (
        <Col xs={24}>
          <Card size="small" title={t('clients.sections.bankAccounts')}>
            <Table<ClientBankAccount>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={client.bankAccounts}
              locale={{ emptyText: t('clients.bank.none') }}
              scroll={{ x: 800 }}
              columns={[
                { key: 'bik', title: t('clients.fields.bik'), dataIndex: 'bik', width: 120 },
                { key: 'bankName', title: t('clients.fields.bankName'), dataIndex: 'bankName' },
                { key: 'account', title: t('clients.fields.account'), dataIndex: 'account', width: 220 },
                {
                  key: 'corrAccount',
                  title: t('clients.fields.corrAccount'),
                  dataIndex: 'corrAccount',
                  width: 220,
                },
                {
                  key: 'primary',
                  title: t('clients.primary'),
                  width: 110,
                  render: (_, a) => (a.isPrimary ? <StarFilled style={{ color: '#faad14' }} /> : null),
                },
              ]}
            />
          </Card>
        </Col>
      )}
      {kindDefs.length > 0 && (
        <Col xs={24}>
          <Card size="small" title={t('customFields.title')}>
            <Descriptions
              size="small"
              bordered
              layout={layout}
              column={{ xs: 1, md: 2 }}
              items={kindDefs.map((def) => ({
                key: def.key,
                label: fieldLabel(def),
                children: <CustomFieldValue def={def} value={client.custom[def.key]} />,
              }))}
            />
          </Card>
        </Col>
      )}
      <Col xs={24}>
        <Card size="small" title={t('clients.fields.description')}>
          {multiline(client.description)}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('clients.createdBy', {
              name: client.createdBy?.name ?? t('audit.system'),
              date: format.dateTime(client.createdAt),
            })}
          </Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  )
}
