import type { FormInstance } from 'antd'
import { isApiError } from './api.ts'

/**
 * Puts the server's field errors next to the form's fields (`permissions.0` goes to `permissions`).
 * Returns true when every problem found a field to show on, so no separate message is needed.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!isApiError(error) || !error.fields) return false
  const registered = new Set(Object.keys(form.getFieldsValue() ?? {}))
  const byField = new Map<string, string[]>()
  let allShown = true
  for (const [path, message] of Object.entries(error.fields)) {
    const name = path.split('.')[0] ?? path
    if (!registered.has(name)) {
      allShown = false
      continue
    }
    byField.set(name, [...(byField.get(name) ?? []), message])
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors: [...new Set(errors)] })))
  return allShown && byField.size > 0
}
