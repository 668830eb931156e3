import { Flex, Typography } from 'antd'
import { type ReactNode, useEffect } from 'react'

interface Props {
  title: string
  subtitle?: ReactNode
  extra?: ReactNode
}

/** A page's heading and its main actions; also names the browser tab. */
export function PageHeader({ title, subtitle, extra }: Props) {
  useEffect(() => {
    document.title = `${title} · MM CRM`
  }, [title])
  return (
    <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 16 }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra && (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      )}
    </Flex>
  )
}
