import type { Import, ImportStatus } from './imports-api.ts'

/** The wizard's steps, in order, as named in the address bar (`?step=`). */
export const IMPORT_STEPS = ['upload', 'mapping', 'settings', 'check', 'run'] as const
export type ImportStep = (typeof IMPORT_STEPS)[number]

export function isImportStep(value: string | null): value is ImportStep {
  return value !== null && (IMPORT_STEPS as readonly string[]).includes(value)
}

/** Once the import has started, only its last step makes sense: the earlier ones cannot change it any more. */
export function isStarted(status: ImportStatus): boolean {
  return (
    status === 'running' ||
    status === 'done' ||
    status === 'failed' ||
    status === 'cancelled' ||
    status === 'rolled_back'
  )
}

/**
 * The step to show: the one asked for, unless the import's state decides it (a started import shows its
 * progress or result; a dry run in progress shows the check).
 */
export function currentStep(status: ImportStatus, asked: string | null): ImportStep {
  if (isStarted(status)) return 'run'
  if (status === 'checking') return 'check'
  if (asked === 'run') return 'check'
  return isImportStep(asked) ? asked : 'mapping'
}

/** The first few different values a column holds (non-empty), to recognize it by. */
export function sampleValues(sample: string[][], column: number, count = 3): string[] {
  const values: string[] = []
  for (const row of sample) {
    const value = row[column]?.trim()
    if (value && !values.includes(value)) values.push(value)
    if (values.length === count) break
  }
  return values
}

/** Earlier imports whose mapping the server reuses for a file with the same headers. */
const MAPPING_SOURCES: readonly ImportStatus[] = ['checked', 'running', 'done', 'rolled_back']

const fold = (headers: string[]) =>
  JSON.stringify(headers.map((h) => h.trim().toLowerCase().replaceAll('ё', 'е')))

/**
 * True when the import's mapping is the one an earlier import of a file with the same headers used (the
 * server remembers it), so the wizard can say where the choice came from.
 */
export function isMappingRemembered(
  item: Pick<Import, 'id' | 'headers' | 'mapping'>,
  earlier: Pick<Import, 'id' | 'status' | 'headers' | 'mapping'>[],
): boolean {
  const headers = fold(item.headers)
  const source = earlier
    .filter((o) => o.id < item.id && MAPPING_SOURCES.includes(o.status) && fold(o.headers) === headers)
    .sort((a, b) => b.id - a.id)[0]
  return source !== undefined && JSON.stringify(source.mapping) === JSON.stringify(item.mapping)
}
