/**
 * Clients and their dossier (S2). Routes are registered by app.ts from clients.routes.ts; this is what
 * other modules may use.
 */
export { clientFilterConditions } from './clients.repository.ts'
export { findDuplicates, getClient, loadClientFor } from './clients.service.ts'
export { normalizeEmail, normalizePhone, phoneDigits } from './contacts-normalize.ts'
export { checkInn, checkKpp, checkOgrn, checkOgrnip, makeInn, makeOgrn, makeOgrnip } from './requisites.ts'
