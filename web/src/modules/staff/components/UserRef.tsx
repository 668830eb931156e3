import { useQuery } from '@tanstack/react-query'
import { Typography } from 'antd'
import { staffKeys } from '../api/staff-keys.ts'
import { fetchUser } from '../api/users-api.ts'

/** An employee named by id (in history entries): their name once loaded, `#id` if gone or hidden. */
export function UserRef({ id }: { id: number }) {
  const user = useQuery({
    queryKey: staffKeys.user(id),
    queryFn: () => fetchUser(id),
    staleTime: 5 * 60_000,
    retry: false,
  })
  if (user.data) return <>{user.data.name}</>
  return <Typography.Text type="secondary">#{id}</Typography.Text>
}
