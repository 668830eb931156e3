/** The SMTP settings of outgoing mail (Administration → E-mail) and the test message. */

export { mailSettingsRoutes } from './mail-settings.routes.ts'
