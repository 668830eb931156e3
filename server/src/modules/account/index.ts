/** Signing in and out, the signed-in employee's own profile, password and API tokens. */
export { createToken } from './account.service.ts'
