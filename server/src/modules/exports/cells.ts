/**
 * Cell values of an export and formula neutralization (CSV/spreadsheet injection): a text a spreadsheet
 * could take for a formula — starting with `=`, `+`, `-`, `@`, a tab or a carriage return, also after
 * leading whitespace — is written with a leading apostrophe. Numbers are written as numbers and never
 * touched (a negative number is not text). The apostrophe is reversible: `restoreNeutralized` is what
 * an importer applies to read back exactly what was exported.
 */

/** A cell as the writers take it; dates are instants (already shifted to the wall clock when needed). */
export type Cell = string | number | boolean | Date | null

// Also a text that already starts with apostrophes before such a character, so that adding one is
// always undone by removing one (the round trip stays exact).
const FORMULA_LIKE = /^'*\s*[=+\-@\t\r]/

export function isFormulaLike(text: string): boolean {
  return FORMULA_LIKE.test(text)
}

/** The text prefixed with `'` when a spreadsheet could read it as a formula; otherwise unchanged. */
export function neutralizeFormula(text: string): string {
  return FORMULA_LIKE.test(text) ? `'${text}` : text
}

/** The inverse of `neutralizeFormula`, for importing an exported file. */
export function restoreNeutralized(text: string): string {
  return text.startsWith("'") && FORMULA_LIKE.test(text.slice(1)) ? text.slice(1) : text
}

/** Neutralizes text cells; numbers, booleans, dates and empty cells pass as they are. */
export function safeCell(value: Cell): Cell {
  return typeof value === 'string' ? neutralizeFormula(value) : value
}
