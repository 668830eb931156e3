import type { FastifySchemaCompiler } from 'fastify'
import { z } from 'zod'
import type { $ZodIssue } from 'zod/v4/core'
import type { Locale } from '../i18n/messages.ts'

const VALIDATION = Symbol.for('mmcrm.validation')

export interface RequestValidationError extends Error {
  [VALIDATION]: true
  issues: $ZodIssue[]
  part: string
}

export function isRequestValidationError(e: unknown): e is RequestValidationError {
  return typeof e === 'object' && e !== null && (e as RequestValidationError)[VALIDATION] === true
}

/** Validates with zod and keeps the raw issues, so the error handler can word them in the caller's language. */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = (schema as z.ZodType).safeParse(data, { reportInput: true })
    if (result.success) return { value: result.data }
    const error = Object.assign(new Error('validation'), {
      [VALIDATION]: true as const,
      issues: result.error.issues,
      part: httpPart ?? 'body',
    })
    return { error }
  }

const localeErrors = { ru: z.locales.ru().localeError, en: z.locales.en().localeError }

export function issueMessage(issue: $ZodIssue, locale: Locale): string {
  if (issue.code === 'custom' && issue.message) return issue.message
  // biome-ignore lint/suspicious/noExplicitAny: zod's locale functions take the raw issue shape
  const worded = localeErrors[locale]?.(issue as any)
  if (typeof worded === 'string') return worded
  if (worded && typeof worded === 'object' && 'message' in worded) return String(worded.message)
  return issue.message
}

/** Field paths as the client knows them: `email`, `bankAccounts.0.bik`. Query parameters keep their names. */
export function issuesToFields(issues: $ZodIssue[], locale: Locale): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_'
    if (!(key in fields)) fields[key] = issueMessage(issue, locale)
  }
  return fields
}
