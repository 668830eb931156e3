/** Signing in and out, the signed-in employee's own profile, password and API tokens. */
export { accountRoutes } from './account.routes.ts'
