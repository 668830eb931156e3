/** Files attached to records: uploads, downloads (always as attachments), deletion and purge. */
import type { Config } from '../../config.ts'
import { FileStorage } from '../../platform/files/file-storage.ts'

export { FileStorage } from '../../platform/files/file-storage.ts'
export { moveFiles } from './files.repository.ts'
export { filesRoutes } from './files.routes.ts'
export type { FileDto } from './files.schemas.ts'
export { purgeFilesOf } from './files.service.ts'

/** The storage of uploaded bytes configured for this instance (`CRM_FILES_DIR`). */
export function fileStorage(config: Pick<Config, 'filesDir'>): FileStorage {
  return new FileStorage(config.filesDir)
}
