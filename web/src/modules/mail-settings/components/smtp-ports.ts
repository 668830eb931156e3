import type { SmtpSecurity } from '@mmcrm/server/api-types'

/** The usual port of each security mode (the server uses the same when none is given). */
export const DEFAULT_PORTS = { tls: 465, starttls: 587, none: 25 } as const satisfies Record<
  SmtpSecurity,
  number
>

export function effectivePort(port: number | null, security: SmtpSecurity): number {
  return port ?? DEFAULT_PORTS[security]
}
