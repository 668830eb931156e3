import { describeRule, validateRule } from '../../platform/calendar/recurrence.ts'
import { AppError } from '../../platform/errors/app-error.ts'
import type { Locale } from '../../platform/i18n/messages.ts'

/** A series' rule in words, with the working-day variant the RRULE itself cannot say. */
export function describeRecurrence(rule: string, nthWorkingDay: number | null, locale: Locale): string {
  if (nthWorkingDay !== null) {
    const n = Math.abs(nthWorkingDay)
    if (locale === 'ru')
      return nthWorkingDay === -1
        ? 'в последний рабочий день месяца'
        : nthWorkingDay < 0
          ? `в ${n}-й с конца рабочий день месяца`
          : `в ${n}-й рабочий день месяца`
    const ord = n === 1 ? '1st' : n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`
    return nthWorkingDay === -1
      ? 'on the last working day of the month'
      : nthWorkingDay < 0
        ? `on the ${ord} working day from the end of the month`
        : `on the ${ord} working day of the month`
  }
  return describeRule(rule, locale)
}

/** A recurrence rule the product accepts (a 400 on the field otherwise). */
export function checkRule(rule: string, field: string): void {
  const r = validateRule(rule)
  if (!r.ok) throw AppError.field(field, 'activities.recurrence_invalid', { problem: r.problem })
}
