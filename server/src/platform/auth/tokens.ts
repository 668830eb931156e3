import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

/** Secrets (session ids, API tokens) are high-entropy, so a plain SHA-256 is enough to keep them unreadable at rest. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a)
  const bb = Buffer.from(b)
  return ab.length === bb.length && timingSafeEqual(ab, bb)
}

export const API_TOKEN_PREFIX = 'mmcrm_'

/** A personal API token: `mmcrm_<8-char id>_<secret>`; the visible part helps people tell tokens apart. */
export function newApiToken(): { token: string; prefix: string } {
  const id = randomToken(6).replace(/[-_]/g, 'x').slice(0, 8)
  return { token: `${API_TOKEN_PREFIX}${id}_${randomToken(32)}`, prefix: `${API_TOKEN_PREFIX}${id}` }
}
