import { PaperClipOutlined } from '@ant-design/icons'
import { Flex, Progress, Tag } from 'antd'
import { useFormat } from '../../../ui/use-format.ts'

/** A file chosen for a note, uploaded once the note is saved. */
export interface Pending {
  key: number
  file: File
  /** 0…1 while uploading. */
  progress: number
}

interface Props {
  files: Pending[]
  uploading: boolean
  onRemove: (key: number) => void
}

/** The files a note will carry, with their upload progress. */
export function PendingFiles({ files, uploading, onRemove }: Props) {
  const format = useFormat()
  if (!files.length) return null
  return (
    <Flex vertical gap={4} style={{ marginTop: 8 }}>
      {files.map((p) => (
        <Flex key={p.key} gap={8} align="center">
          <Tag icon={<PaperClipOutlined />} closable={!uploading} onClose={() => onRemove(p.key)}>
            {`${p.file.name} (${format.bytes(p.file.size)})`}
          </Tag>
          {uploading && (
            <Progress percent={Math.round(p.progress * 100)} size="small" style={{ width: 160 }} />
          )}
        </Flex>
      ))}
    </Flex>
  )
}
