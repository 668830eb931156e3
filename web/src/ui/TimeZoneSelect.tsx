import { Select } from 'antd'
import { useMemo } from 'react'
import { formatZoneOffset, supportedTimeZones } from './format.ts'

interface Props {
  id?: string
  value?: string
  onChange?: (value: string) => void
  disabled?: boolean
}

/** Picks an IANA time zone, searchable by name or offset (`Moscow`, `+03`). */
export function TimeZoneSelect({ id, value, onChange, disabled }: Props) {
  const options = useMemo(() => {
    const zones = supportedTimeZones()
    if (value && !zones.includes(value)) zones.unshift(value)
    return zones.map((zone) => {
      let offset = ''
      try {
        offset = formatZoneOffset(zone)
      } catch {
        offset = ''
      }
      const label = offset ? `${zone.replaceAll('_', ' ')} (${offset})` : zone
      return {
        value: zone,
        label,
        search: `${zone} ${zone.replaceAll('_', ' ')} ${offset} ${offset.replace('−', '-')}`.toLowerCase(),
      }
    })
  }, [value])
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      disabled={disabled}
      options={options}
      showSearch={{
        filterOption: (input, option) => (option?.search ?? '').includes(input.trim().toLowerCase()),
      }}
      virtual
    />
  )
}
