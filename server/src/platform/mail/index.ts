/** Outgoing e-mail: SMTP settings (saved or from the environment), a queue in the caller's transaction, the sender. */

export {
  enqueueMail,
  MAIL_SEND_JOB,
  mailMessageId,
  messageIdDomain,
  type OutgoingMail,
} from './mail-queue.ts'
export { deliverMail, describeSmtpError, type MailLog, mailSendHandler } from './mail-sender.ts'
export {
  type ActiveSmtp,
  defaultSmtpPort,
  EMPTY_SMTP,
  getActiveSmtp,
  getStoredSmtp,
  isSmtpConfigured,
  SMTP_SECURITY,
  type SmtpSecurity,
  type SmtpSettings,
  type SmtpSource,
  saveStoredSmtp,
  smtpFromEnvironment,
} from './smtp-settings.ts'
export { escapeHtml, textToHtml } from './text-to-html.ts'
