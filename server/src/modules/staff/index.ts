/** Employees, teams and roles: who works in the CRM, where, and with which permissions. */

export {
  countUsers,
  emailTaken,
  findPasswordHash,
  findRoleIdByCode,
  findUserCredentials,
  insertUser,
  recordLoginFailure,
  recordLoginSuccess,
  syncSystemRoles,
} from './staff.repository.ts'
export { localeSchema, themeSchema, timeZoneSchema, type UserDto, userSchema } from './staff.schemas.ts'
export {
  assertStrongPassword,
  createTeam,
  createUser,
  getUser,
  setPassword,
  updateTeam,
  updateUser,
} from './staff.service.ts'
