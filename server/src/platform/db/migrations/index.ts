import type { Migration } from 'kysely'
import * as m0001 from './0001-foundation.ts'
import * as m0002 from './0002-clients.ts'
import * as m0003 from './0003-operations.ts'
import * as m0004 from './0004-classifiers.ts'
import * as m0005 from './0005-search.ts'
import * as m0006 from './0006-imports.ts'
import * as m0007 from './0007-search-tuning.ts'
import * as m0008 from './0008-activities.ts'

/** Every migration, in order. Names are frozen once released. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-clients': m0002,
  '0003-operations': m0003,
  '0004-classifiers': m0004,
  '0005-search': m0005,
  '0006-imports': m0006,
  '0007-search-tuning': m0007,
  '0008-activities': m0008,
}
