/** Employees, teams and roles: who works in the CRM, where, and with which permissions. */
export { staffRoutes } from './staff.routes.ts'
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
export { assertStrongPassword, createTeam, createUser, getUser, setPassword, updateTeam, updateUser } from './staff.service.ts'
export { localeSchema, themeSchema, timeZoneSchema, type UserDto, userSchema } from './staff.schemas.ts'
