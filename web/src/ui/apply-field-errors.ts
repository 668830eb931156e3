import type { FormInstance } from 'antd'
import { isApiError } from './api.ts'

/** A field of an antd form: `inn`, or `['channels', 0, 'value']` inside a Form.List. */
export type FieldName = string | (string | number)[]

/**
 * Puts the server's field errors next to the form's fields (`permissions.0` goes to `permissions`).
 * Returns true when every problem found a field to show on, so no separate message is needed.
 *
 * `resolve` maps a server path (`channels.0.value`, `custom.region`) to the form field that shows it,
 * or null when the form has none; without it, the path's first segment is used if the form has it.
 * `unshown` receives the messages that found no field, so the form can list them itself.
 */
export function applyFieldErrors(
  form: FormInstance,
  error: unknown,
  resolve?: (path: string) => FieldName | null,
  unshown?: (messages: string[]) => void,
): boolean {
  if (!isApiError(error) || !error.fields) return false
  const registered = new Set(Object.keys(form.getFieldsValue() ?? {}))
  const byField = new Map<string, { name: FieldName; errors: string[] }>()
  const left: string[] = []
  for (const [path, message] of Object.entries(error.fields)) {
    let name: FieldName | null
    if (resolve) name = resolve(path)
    else {
      const first = path.split('.')[0] ?? path
      name = registered.has(first) ? first : null
    }
    if (name === null) {
      left.push(message)
      continue
    }
    const key = JSON.stringify(name)
    const entry = byField.get(key) ?? { name, errors: [] }
    entry.errors.push(message)
    byField.set(key, entry)
  }
  form.setFields([...byField.values()].map(({ name, errors }) => ({ name, errors: [...new Set(errors)] })))
  unshown?.(left)
  return left.length === 0 && byField.size > 0
}
