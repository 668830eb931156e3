const MAX_NAME = 255

// C0/C1 control characters and the bidirectional overrides that can disguise an extension ("exe.txt").
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/**
 * A user's file name made safe to store and show: the last path segment only (a browser may send
 * `C:\Users\…\file.pdf`), no control or direction-override characters, Unicode kept (NFC), at most
 * 255 characters. Never used as a path on disk.
 */
export function sanitizeFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? ''
  const cleaned = base.normalize('NFC').replace(UNSAFE, '').trim()
  const name = cleaned === '.' || cleaned === '..' ? '' : cleaned
  const chars = Array.from(name)
  if (chars.length <= MAX_NAME) return name || 'file'
  // Keep the extension when cutting a long name.
  const dot = name.lastIndexOf('.')
  const ext = dot > 0 ? Array.from(name.slice(dot)) : []
  if (ext.length > 0 && ext.length <= 16) {
    return chars.slice(0, MAX_NAME - ext.length).join('') + ext.join('')
  }
  return chars.slice(0, MAX_NAME).join('')
}

/** RFC 5987 `attr-char` encoding: encodeURIComponent leaves a few characters that must be escaped too. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/**
 * `Content-Disposition` for a download, always `attachment` (never shown inline): an ASCII fallback
 * for old clients and the exact UTF-8 name in `filename*` (RFC 6266).
 */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'file'
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`
}
