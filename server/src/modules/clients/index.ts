/**
 * Clients and their dossier (S2). Routes are registered by app.ts from clients.routes.ts; this is what
 * other modules may use.
 */

export { type ClientExportBody, clientExportBody } from './clients.export.schemas.ts'
export { clientRowsByIds, orderedClientIdsFor } from './clients.export-source.ts'
export { clientFilterConditions } from './clients.repository.ts'
export {
  type ClientCreateInput,
  type ClientDto,
  type ClientFilter,
  type ClientListItem,
  type ClientUpdateInput,
  clientCreateBody,
  clientFilterQuery,
  clientUpdateBody,
} from './clients.schemas.ts'
export {
  type BulkCreateResult,
  clientCard,
  createClientIn,
  createClientsIn,
  findDuplicates,
  getClient,
  loadClientFor,
  trashClientIn,
  updateClientIn,
} from './clients.service.ts'
export { addContactIn } from './contacts.service.ts'
export { normalizeEmail, normalizePhone, phoneDigits } from './contacts-normalize.ts'
export { checkInn, checkKpp, checkOgrn, checkOgrnip, makeInn, makeOgrn, makeOgrnip } from './requisites.ts'
